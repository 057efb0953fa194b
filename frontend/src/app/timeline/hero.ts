import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { HERO_IMAGE_SIZES, type Stage, imageSrcset } from '@gallery/contracts';

import { StageImage } from '../artwork/stage-image';
import { stageKindLabel } from '../artwork/stage-kinds';
import { ToolSettings } from '../painter-tools/tool-settings';

/** Horizontal travel (px) that counts as a swipe to the next or previous stage. */
const SWIPE_PX = 50;

/**
 * One stage as large as the screen allows, at its final size from the first paint (the
 * placeholder fills the same box), with the painter's tools applied and its pins numbered on
 * it. A swipe or the side buttons ask for the neighbours; a click asks to enlarge it.
 */
@Component({
  selector: 'app-hero',
  imports: [StageImage],
  templateUrl: './hero.html',
  styleUrl: './hero.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[style.--ratio]': 'ratio()',
  },
})
export class Hero {
  protected readonly tools = inject(ToolSettings);
  /** The same candidates and sizes as the server's preload of this picture (web module). */
  protected readonly srcset = imageSrcset;
  protected readonly sizes = HERO_IMAGE_SIZES;

  readonly stage = input.required<Stage>();
  readonly index = input.required<number>();
  readonly count = input.required<number>();
  readonly previous = output<void>();
  readonly next = output<void>();
  /** Opens the stage over the page; focus goes back to `trigger` afterwards. */
  readonly enlarge = output<HTMLElement>();

  protected readonly ratio = computed(() => {
    const image = this.stage().image;
    return image ? image.width / image.height : 4 / 3;
  });
  protected readonly pins = computed(() => {
    const mirrored = this.tools.tools().mirror;
    return (this.stage().pins ?? []).map((pin, n) => ({
      id: pin.id,
      number: n + 1,
      // The mirror flips the picture; the pins go with what they point at.
      left: (mirrored ? 1 - pin.x : pin.x) * 100,
      top: pin.y * 100,
    }));
  });
  protected readonly alt = computed(() => {
    const stage = this.stage();
    return `Stage ${this.index() + 1}, ${stageKindLabel(stage.kind)}${stage.title ? ': ' + stage.title : ''}`;
  });

  private swipe: { id: number; x: number; y: number } | null = null;
  private swiped = false;

  protected pointerDown(event: PointerEvent): void {
    if (event.isPrimary) {
      this.swipe = { id: event.pointerId, x: event.clientX, y: event.clientY };
      this.swiped = false;
    }
  }

  protected pointerUp(event: PointerEvent): void {
    const start = this.swipe;
    this.swipe = null;
    if (!start || start.id !== event.pointerId) {
      return;
    }
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) > SWIPE_PX && Math.abs(dx) > Math.abs(dy)) {
      this.swiped = true;
      if (dx < 0) {
        this.next.emit();
      } else {
        this.previous.emit();
      }
    }
  }

  protected cancelSwipe(): void {
    this.swipe = null;
  }

  protected open(trigger: HTMLElement): void {
    // A swipe ends in a click on the picture; it moved the stage, it should not enlarge it.
    if (this.swiped) {
      this.swiped = false;
      return;
    }
    this.enlarge.emit(trigger);
  }
}
