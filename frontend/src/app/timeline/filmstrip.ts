import { DatePipe, formatDate } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  type ElementRef,
  afterRenderEffect,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { Stage } from '@gallery/contracts';

import { StageImage } from '../artwork/stage-image';
import { stageKindLabel } from '../artwork/stage-kinds';

/** How a stage is marked while two are compared. */
export interface CompareMarks {
  readonly before: number;
  readonly after: number;
}

/** The most colours a stage shows in the palette strip. */
const SWATCHES = 4;

/**
 * Every stage as a frame of film (thumbnail, kind, date) with its palette under it: a listbox
 * whose selection follows the arrow keys, Home and End, a click, or a drag across the frames
 * (mouse or finger). The page decides what choosing means (the hero's stage, or one side of a
 * comparison) and passes the choice back as `selected`.
 */
@Component({
  selector: 'app-filmstrip',
  imports: [DatePipe, StageImage],
  templateUrl: './filmstrip.html',
  styleUrl: './filmstrip.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Filmstrip {
  private readonly locale = inject(LOCALE_ID);
  readonly stages = input.required<readonly Stage[]>();
  /** Index of the chosen stage. */
  readonly selected = input.required<number>();
  /** While comparing: which stages are Before and After. */
  readonly marks = input<CompareMarks | null>(null);
  /** Names the list for screen readers. */
  readonly label = input('Stages');
  readonly choose = output<number>();

  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');

  protected readonly kindLabel = stageKindLabel;
  /** Each stage's main colours, with their share of the strip (the shown ones add up to 1). */
  protected readonly palettes = computed(() =>
    this.stages().map((stage) => {
      const colors = [...stage.colors].sort((a, b) => b.weight - a.weight).slice(0, SWATCHES);
      const total = colors.reduce((sum, color) => sum + Math.max(color.weight, 0), 0);
      return colors.map((color) => ({
        hex: color.hex,
        share: total > 0 ? Math.max(color.weight, 0) / total : 1 / colors.length,
      }));
    }),
  );
  /** The one swatch in the tab order (roving); arrow keys move it. */
  protected readonly swatchStop = signal(0);

  private scrubbing: number | null = null;

  /**
   * Keeps the chosen frame in view, scrolling only the strip, never the page. After rendering,
   * when the frames have their places.
   */
  private readonly reveal = afterRenderEffect(() => {
    const index = this.selected();
    const scroller = this.scroller().nativeElement;
    const frame = scroller.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!frame) {
      return;
    }
    const left =
      frame.getBoundingClientRect().left - scroller.getBoundingClientRect().left + scroller.scrollLeft;
    const right = left + frame.offsetWidth;
    if (left < scroller.scrollLeft) {
      scroller.scrollTo({ left: left - 16 });
    } else if (right > scroller.scrollLeft + scroller.clientWidth) {
      scroller.scrollTo({ left: right - scroller.clientWidth + 16 });
    }
  });

  /**
   * The option's name holds its visible caption ("1 Sketch 6 May") in order, as WCAG's label in
   * name asks (axe: label-content-name-mismatch), with "Stage" before and the title after.
   */
  protected optionLabel(stage: Stage, index: number): string {
    const title = stage.title ? `: ${stage.title}` : '';
    const date = formatDate(stage.createdAt, 'd MMM', this.locale);
    return `Stage ${index + 1}, ${stageKindLabel(stage.kind)}, ${date}${title}`;
  }

  protected handleKey(event: KeyboardEvent): void {
    const last = this.stages().length - 1;
    // From the focused frame, not `selected()`: the choice goes through the address and comes back
    // a moment later, and a second key press before that must move on from where focus already is.
    const focused = (event.target as HTMLElement | null)?.closest<HTMLElement>('[role="option"]');
    const from = focused?.dataset['index'] !== undefined ? Number(focused.dataset['index']) : this.selected();
    const to =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? Math.min(last, from + 1)
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? Math.max(0, from - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (to === null) {
      return;
    }
    event.preventDefault();
    this.pick(to);
    this.frame(to)?.focus();
  }

  protected pick(index: number): void {
    if (index !== this.selected()) {
      this.choose.emit(index);
    }
  }

  /** A press on the frames starts a scrub: whatever frame the pointer passes over is chosen. */
  protected startScrub(event: PointerEvent): void {
    if (event.button !== 0) {
      return;
    }
    this.scrubbing = event.pointerId;
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
    this.scrubAt(event);
  }

  protected scrub(event: PointerEvent): void {
    if (this.scrubbing === event.pointerId) {
      this.scrubAt(event);
    }
  }

  protected endScrub(event: PointerEvent): void {
    if (this.scrubbing === event.pointerId) {
      this.scrubbing = null;
    }
  }

  /** Left and Right walk the swatches, so the whole palette costs one Tab. */
  protected moveSwatch(event: KeyboardEvent): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) {
      return;
    }
    const swatches = [...this.scroller().nativeElement.querySelectorAll<HTMLElement>('.swatch')];
    const next = Math.min(swatches.length - 1, Math.max(0, this.swatchStop() + step));
    event.preventDefault();
    this.swatchStop.set(next);
    swatches[next]?.focus();
  }

  protected swatchIndex(stageIndex: number, colorIndex: number): number {
    let before = 0;
    const palettes = this.palettes();
    for (let i = 0; i < stageIndex; i++) {
      before += palettes[i].length;
    }
    return before + colorIndex;
  }

  private scrubAt(event: PointerEvent): void {
    // Captured events keep their target: ask what is under the pointer instead.
    const under = document.elementFromPoint?.(event.clientX, event.clientY);
    const frame = under?.closest<HTMLElement>('[data-index]');
    if (frame && this.scroller().nativeElement.contains(frame)) {
      this.pick(Number(frame.dataset['index']));
    }
  }

  private frame(index: number): HTMLElement | null {
    return this.scroller().nativeElement.querySelector<HTMLElement>(`[data-index="${index}"]`);
  }
}
