import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import type { Stage } from '@gallery/contracts';

import { stageKindLabel } from '../artwork/stage-kinds';
import { ToolSettings } from '../painter-tools/tool-settings';
import {
  COMPARE_MODES,
  COMPARE_MODE_LABELS,
  type CompareMode,
  type CompareSide,
  type CompareState,
} from './compare-state';
import { SwipeDivider } from './swipe-divider';

/**
 * Two stages of one artwork over each other: swipe (a divider), onion skin (the later one
 * fading in), blink (one or the other, B toggles) or side by side. Both pictures are fitted
 * into the same box, so stages of different sizes line up without stretching. Loaded on first
 * use; the page keeps the state in the address.
 */
@Component({
  selector: 'app-compare-view',
  imports: [SwipeDivider],
  templateUrl: './compare-view.html',
  styleUrl: './compare-view.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:keydown)': 'blinkKey($event)',
    '[style.--ratio]': 'ratio()',
  },
})
export class CompareView {
  protected readonly tools = inject(ToolSettings);

  readonly stages = input.required<readonly Stage[]>();
  readonly state = input.required<CompareState>();
  /** The side the filmstrip sets. */
  readonly picking = input.required<CompareSide>();
  readonly change = output<CompareState>();
  readonly pickingChange = output<CompareSide>();
  readonly close = output<void>();

  protected readonly modes = COMPARE_MODES;
  protected readonly modeLabels = COMPARE_MODE_LABELS;
  protected readonly before = computed(() => this.stages()[this.state().before]);
  protected readonly after = computed(() => this.stages()[this.state().after]);
  /** The box takes the later stage's shape; the earlier one is fitted inside it. */
  protected readonly ratio = computed(() => {
    const image = this.after()?.image ?? this.before()?.image;
    return image ? image.width / image.height : 4 / 3;
  });
  /** Divider position, % from the left: the before stage shows left of it. */
  protected readonly split = signal(50);
  /** Onion skin: how much of the after stage shows over the before, %. */
  protected readonly opacity = signal(50);
  /** Blink: the after stage is showing; starts on it again for every new pair. */
  protected readonly showingAfter = linkedSignal({ source: this.state, computation: () => true });

  protected describe(stage: Stage | undefined, index: number): string {
    if (!stage) {
      return '';
    }
    return `Stage ${index + 1}, ${stageKindLabel(stage.kind)}${stage.title ? ': ' + stage.title : ''}`;
  }

  protected setMode(mode: CompareMode): void {
    if (mode !== this.state().mode) {
      this.change.emit({ ...this.state(), mode });
    }
  }

  /** Before and After trade places. */
  protected swap(): void {
    const { before, after, mode } = this.state();
    this.change.emit({ before: after, after: before, mode });
  }

  protected blink(): void {
    this.showingAfter.update((after) => !after);
  }

  /** B blinks, wherever focus is on the page, unless someone is typing or a dialog is open. */
  protected blinkKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    if (
      this.state().mode !== 'blink' ||
      event.key.toLowerCase() !== 'b' ||
      event.altKey ||
      event.ctrlKey ||
      event.metaKey ||
      target?.closest?.('input:not([type=range]):not([type=radio]), textarea, select, [role=dialog]')
    ) {
      return;
    }
    event.preventDefault();
    this.blink();
  }

  protected setOpacity(value: number): void {
    this.opacity.set(value);
  }

  /** A press anywhere on the swipe box moves the divider there, and dragging carries it along. */
  protected dragStart(event: PointerEvent, box: HTMLElement): void {
    if (event.button !== 0) {
      return;
    }
    this.dragging = event.pointerId;
    box.setPointerCapture?.(event.pointerId);
    this.dragTo(event, box);
  }

  protected dragMove(event: PointerEvent, box: HTMLElement): void {
    if (this.dragging === event.pointerId) {
      this.dragTo(event, box);
    }
  }

  protected dragEnd(event: PointerEvent): void {
    if (this.dragging === event.pointerId) {
      this.dragging = null;
    }
  }

  private dragging: number | null = null;

  private dragTo(event: PointerEvent, box: HTMLElement): void {
    const rect = box.getBoundingClientRect();
    if (rect.width > 0) {
      const percent = ((event.clientX - rect.left) / rect.width) * 100;
      this.split.set(Math.round(Math.min(100, Math.max(0, percent))));
    }
  }
}
