import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { LIMITS, type Stage } from '@gallery/contracts';

import { StageImage } from '../artwork/stage-image';
import { type PinPoint, PinsStore, clampPoint, pinBody, pointInBox } from './pins-store';

/** Pointer travel (px) after which pressing a marker drags it instead of selecting it. */
const DRAG_PX = 4;

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * A stage's picture, large, with the painter's pinned notes on it: a click or tap drops a new
 * pin there (with a short note), markers are numbered as the list below, can be dragged or
 * nudged with the arrow keys, and each note can be edited or deleted from the list.
 */
@Component({
  selector: 'app-pin-editor',
  imports: [StageImage],
  templateUrl: './pin-editor.html',
  styleUrl: './pin-editor.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PinEditor {
  protected readonly pins = inject(PinsStore);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly injector = inject(Injector);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  readonly stage = input.required<Stage>();
  /** The stage's place in the artwork, from 1, for labels. */
  readonly number = input.required<number>();

  protected readonly limits = LIMITS.pinBody;
  protected readonly idPrefix = computed(() => `pins-${this.stage().id}`);
  protected readonly ratio = computed(() => {
    const image = this.stage().image;
    return image ? image.width / image.height : 4 / 3;
  });
  /** Where the next pin goes, once its note is written; null when none is being added. */
  protected readonly draft = signal<PinPoint | null>(null);
  protected readonly draftText = signal('');
  protected readonly canPin = computed(() => pinBody(this.draftText()) !== null);
  /** The marker the arrow keys move. */
  protected readonly selected = signal<string | null>(null);
  /** The pin whose note is being edited in the list. */
  protected readonly editing = signal<string | null>(null);
  protected readonly editText = signal('');
  protected readonly canSave = computed(() => pinBody(this.editText()) !== null);
  protected readonly problem = computed(() => {
    const problem = this.pins.problem();
    return problem?.stageId === this.stage().id ? problem.message : null;
  });

  private drag: { pinId: string; pointerId: number; x: number; y: number; moved: boolean } | null = null;
  /** A drag ends in a click on the marker; that click must not count as one. */
  private dragged = false;

  // ---- Adding ----

  /** A click or tap on the picture: the new pin goes there. */
  protected place(event: MouseEvent, canvas: HTMLElement): void {
    const point = pointInBox(event, canvas.getBoundingClientRect());
    if (point) {
      this.startDraft(point);
    }
  }

  /** The keyboard's way in: a new pin in the middle, to be moved with the arrow keys afterwards. */
  protected placeInMiddle(): void {
    this.startDraft({ x: 0.5, y: 0.5 });
  }

  protected async submitDraft(event: Event): Promise<void> {
    event.preventDefault();
    const point = this.draft();
    const text = this.draftText();
    if (!point || !this.canPin()) {
      return;
    }
    this.draft.set(null);
    this.draftText.set('');
    const saved = await this.pins.add(this.stage().id, point, text);
    if (saved) {
      this.selected.set(saved.id);
      void this.announcer.announce(`Pin ${this.stage().pins.length} added.`);
      this.focusLater(`.marker[data-pin="${saved.id}"]`);
    } else if (!this.draft()) {
      // Refused: the note comes back, so nothing typed is lost.
      this.draft.set(point);
      this.draftText.set(text);
      this.focusLater('.draft-form textarea');
    }
  }

  protected cancelDraft(): void {
    this.draft.set(null);
    this.draftText.set('');
    this.focusLater('.add-middle');
  }

  // ---- Markers ----

  protected markerClick(event: MouseEvent, pinId: string): void {
    // The picture under it would start a new pin.
    event.stopPropagation();
    if (this.dragged) {
      this.dragged = false;
      return;
    }
    this.selected.set(pinId);
  }

  protected markerKey(event: KeyboardEvent, pinId: string, number: number): void {
    if (event.key === 'Escape') {
      this.selected.set(null);
      return;
    }
    const arrow = ARROWS[event.key];
    if (!arrow || this.pins.isPending(pinId)) {
      return;
    }
    event.preventDefault();
    const step = event.shiftKey ? 5 : 1;
    this.selected.set(pinId);
    this.pins.nudge(this.stage().id, pinId, arrow[0] * step, arrow[1] * step);
    const pin = this.stage().pins.find((p) => p.id === pinId);
    if (pin) {
      void this.announcer.announce(
        `Pin ${number}: ${Math.round(pin.x * 100)} % across, ${Math.round(pin.y * 100)} % down.`,
      );
    }
  }

  protected dragStart(event: PointerEvent, pinId: string): void {
    if (!event.isPrimary || event.button !== 0 || this.pins.isPending(pinId)) {
      return;
    }
    event.stopPropagation();
    (event.target as Element).setPointerCapture?.(event.pointerId);
    this.drag = { pinId, pointerId: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
    this.dragged = false;
  }

  protected dragMove(event: PointerEvent, canvas: HTMLElement): void {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) {
      return;
    }
    if (!drag.moved && Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < DRAG_PX) {
      return;
    }
    drag.moved = true;
    const box = canvas.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) {
      this.selected.set(drag.pinId);
      this.pins.move(this.stage().id, drag.pinId, {
        x: (event.clientX - box.left) / box.width,
        y: (event.clientY - box.top) / box.height,
      });
    }
  }

  protected dragEnd(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) {
      return;
    }
    this.drag = null;
    if (drag.moved) {
      this.dragged = true;
      this.pins.flushMoves();
    }
  }

  // ---- The list ----

  /** "Move": the marker takes the keyboard, so the arrow keys move it. */
  protected selectForMoving(pinId: string): void {
    this.selected.set(pinId);
    this.focusLater(`.marker[data-pin="${pinId}"]`);
  }

  protected startEdit(pinId: string, body: string): void {
    this.editing.set(pinId);
    this.editText.set(body);
    this.focusLater(`#${this.idPrefix()}-edit`);
  }

  protected async saveEdit(event: Event, pinId: string): Promise<void> {
    event.preventDefault();
    if (!this.canSave()) {
      return;
    }
    const text = this.editText();
    this.editing.set(null);
    this.focusLater(`.edit[data-pin="${pinId}"]`);
    await this.pins.edit(this.stage().id, pinId, text);
  }

  protected cancelEdit(pinId: string): void {
    this.editing.set(null);
    this.focusLater(`.edit[data-pin="${pinId}"]`);
  }

  protected async remove(pinId: string, number: number): Promise<void> {
    if (this.selected() === pinId) {
      this.selected.set(null);
    }
    this.focusLater('.add-middle');
    const removed = await this.pins.remove(this.stage().id, pinId);
    if (removed) {
      void this.announcer.announce(`Pin ${number} deleted.`);
    }
  }

  protected percent(value: number): number {
    return value * 100;
  }

  private startDraft(point: PinPoint): void {
    this.draft.set(clampPoint(point));
    this.selected.set(null);
    this.focusLater('.draft-form textarea');
  }

  /** Focuses an element of this editor once the next render has put it there. */
  private focusLater(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
