import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { LIMITS, type Pin } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Artworks } from '../artwork/artworks';
import { ArtworkStore } from './artwork-store';
import { Debouncer } from './debouncer';

/** Quiet period after the last nudge or drag before a pin's new place is saved. */
export const PIN_MOVE_SAVE_MS = 500;
/** One arrow key press moves a pin this far (of the image's width or height); with Shift, five times. */
export const NUDGE_STEP = 0.01;

/** A point of an image: 0..1 of its width from the left, 0..1 of its height from the top. */
export interface PinPoint {
  readonly x: number;
  readonly y: number;
}

/** A problem with one stage's pins, shown beside them. */
export interface PinProblem {
  readonly stageId: string;
  readonly message: string;
}

/** Ids of pins the api has not answered for yet start with this. */
const PENDING_PREFIX = 'pending-';

/**
 * Where a click or tap landed on the image, as 0..1 of the image's box (`getBoundingClientRect()`
 * of the element the image fills), rounded to 4 places. Null when it landed outside the box or
 * the box has no size.
 */
export function pointInBox(
  event: Pick<MouseEvent, 'clientX' | 'clientY'>,
  box: Pick<DOMRect, 'left' | 'top' | 'width' | 'height'>,
): PinPoint | null {
  if (box.width <= 0 || box.height <= 0) {
    return null;
  }
  const x = (event.clientX - box.left) / box.width;
  const y = (event.clientY - box.top) / box.height;
  if (x < 0 || x > 1 || y < 0 || y > 1) {
    return null;
  }
  return { x: rounded(x), y: rounded(y) };
}

/** `point` kept inside the image and rounded to 4 places. */
export function clampPoint(point: PinPoint): PinPoint {
  return { x: rounded(point.x), y: rounded(point.y) };
}

/** The text a pin would be saved with, or null when it is empty or too long. */
export function pinBody(text: string): string | null {
  const body = text.trim();
  return body.length >= LIMITS.pinBody.min && body.length <= LIMITS.pinBody.max ? body : null;
}

/**
 * The painter's pinned notes on the stages open in the editor. Every change shows at once (in
 * ArtworkStore, where the stages live) and is sent to the api; if the api refuses, the pins go
 * back to how they were and `problem` says why. Moves are saved after a quiet moment, so a run
 * of arrow key presses is one request. Provided by the editor page, next to ArtworkStore.
 */
@Injectable()
export class PinsStore {
  private readonly artworks = inject(Artworks);
  private readonly store = inject(ArtworkStore);
  private readonly latestProblem = signal<PinProblem | null>(null);
  private readonly moves = new Debouncer(PIN_MOVE_SAVE_MS);
  /** Where a pin being moved was last saved: where it goes back to if the api refuses the move. */
  private readonly savedAt = new Map<string, PinPoint>();
  private pendingCount = 0;

  readonly problem = this.latestProblem.asReadonly();

  constructor() {
    // Leaving the page saves a move made in the last moment.
    inject(DestroyRef).onDestroy(() => this.moves.flush());
  }

  /** True while the api has not yet answered for a new pin; it cannot be changed meanwhile. */
  isPending(pinId: string): boolean {
    return pinId.startsWith(PENDING_PREFIX);
  }

  dismissProblem(): void {
    this.latestProblem.set(null);
  }

  /** Pins a note at `point`. The pin shows at once; resolves to the saved pin, or null. */
  async add(stageId: string, point: PinPoint, text: string): Promise<Pin | null> {
    const albumId = this.store.album()?.id;
    const body = pinBody(text);
    if (!albumId || body === null) {
      return null;
    }
    const at = clampPoint(point);
    const pending: Pin = {
      id: `${PENDING_PREFIX}${++this.pendingCount}`,
      stageId,
      x: at.x,
      y: at.y,
      body,
      createdAt: new Date().toISOString(),
    };
    this.clearProblem(stageId);
    this.store.updatePins(stageId, (pins) => [...pins, pending]);
    try {
      const saved = await firstValueFrom(this.artworks.addPin(albumId, stageId, { ...at, body }));
      this.store.updatePins(stageId, (pins) => pins.map((pin) => (pin.id === pending.id ? saved : pin)));
      return saved;
    } catch (error) {
      this.store.updatePins(stageId, (pins) => pins.filter((pin) => pin.id !== pending.id));
      this.fail(stageId, `Couldn’t pin the note. ${describeApiError(error)}`);
      return null;
    }
  }

  /** Changes a pin's note; resolves to true once saved (false: the old note is back). */
  async edit(stageId: string, pinId: string, text: string): Promise<boolean> {
    const albumId = this.store.album()?.id;
    const before = this.find(stageId, pinId);
    const body = pinBody(text);
    if (!albumId || !before || this.isPending(pinId) || body === null) {
      return false;
    }
    if (body === before.body) {
      return true;
    }
    this.clearProblem(stageId);
    this.patchPin(stageId, pinId, { body });
    try {
      const saved = await firstValueFrom(this.artworks.updatePin(albumId, stageId, pinId, { body }));
      this.patchPin(stageId, pinId, { body: saved.body });
      return true;
    } catch (error) {
      this.patchPin(stageId, pinId, { body: before.body });
      this.fail(stageId, `Couldn’t save the note, so the old one is back. ${describeApiError(error)}`);
      return false;
    }
  }

  /** Removes a pin at once; if the api refuses, it comes back in its place. */
  async remove(stageId: string, pinId: string): Promise<boolean> {
    const albumId = this.store.album()?.id;
    const pins = this.pinsOf(stageId);
    const index = pins.findIndex((pin) => pin.id === pinId);
    if (!albumId || index < 0 || this.isPending(pinId)) {
      return false;
    }
    const removed = pins[index];
    this.moves.cancel(pinId);
    this.savedAt.delete(pinId);
    this.clearProblem(stageId);
    this.store.updatePins(stageId, (current) => current.filter((pin) => pin.id !== pinId));
    try {
      await firstValueFrom(this.artworks.deletePin(albumId, stageId, pinId));
      return true;
    } catch (error) {
      this.store.updatePins(stageId, (current) => {
        const next = [...current];
        next.splice(Math.min(index, next.length), 0, removed);
        return next;
      });
      this.fail(stageId, `Couldn’t delete the pin, so it is back. ${describeApiError(error)}`);
      return false;
    }
  }

  /** Puts a pin at `point` at once and saves its place after a quiet moment. */
  move(stageId: string, pinId: string, point: PinPoint): void {
    const pin = this.find(stageId, pinId);
    if (!pin || this.isPending(pinId)) {
      return;
    }
    const at = clampPoint(point);
    if (at.x === pin.x && at.y === pin.y) {
      return;
    }
    if (!this.savedAt.has(pinId)) {
      this.savedAt.set(pinId, { x: pin.x, y: pin.y });
    }
    this.patchPin(stageId, pinId, at);
    this.moves.schedule(pinId, () => void this.savePlace(stageId, pinId));
  }

  /** Moves a pin by whole steps (arrow keys): `dx`, `dy` in NUDGE_STEPs. */
  nudge(stageId: string, pinId: string, dx: number, dy: number): void {
    const pin = this.find(stageId, pinId);
    if (pin) {
      this.move(stageId, pinId, { x: pin.x + dx * NUDGE_STEP, y: pin.y + dy * NUDGE_STEP });
    }
  }

  /** Saves a move now instead of after the quiet moment (a drag has ended). */
  flushMoves(): void {
    this.moves.flush();
  }

  private async savePlace(stageId: string, pinId: string): Promise<void> {
    const albumId = this.store.album()?.id;
    const pin = this.find(stageId, pinId);
    if (!albumId || !pin) {
      this.savedAt.delete(pinId);
      return;
    }
    const sent: PinPoint = { x: pin.x, y: pin.y };
    try {
      await firstValueFrom(this.artworks.updatePin(albumId, stageId, pinId, sent));
      const now = this.find(stageId, pinId);
      if (now && (now.x !== sent.x || now.y !== sent.y)) {
        // Moved again meanwhile: that move is saved next, and goes back here if it fails.
        this.savedAt.set(pinId, sent);
      } else {
        this.savedAt.delete(pinId);
      }
    } catch (error) {
      const back = this.savedAt.get(pinId);
      this.moves.cancel(pinId);
      this.savedAt.delete(pinId);
      if (back && this.find(stageId, pinId)) {
        this.patchPin(stageId, pinId, back);
      }
      this.fail(stageId, `Couldn’t move the pin, so it went back. ${describeApiError(error)}`);
    }
  }

  private pinsOf(stageId: string): readonly Pin[] {
    return this.store.stages().find((stage) => stage.id === stageId)?.pins ?? [];
  }

  private find(stageId: string, pinId: string): Pin | undefined {
    return this.pinsOf(stageId).find((pin) => pin.id === pinId);
  }

  private patchPin(stageId: string, pinId: string, changes: Partial<Pin>): void {
    this.store.updatePins(stageId, (pins) =>
      pins.map((pin) => (pin.id === pinId ? { ...pin, ...changes } : pin)),
    );
  }

  private fail(stageId: string, message: string): void {
    this.latestProblem.set({ stageId, message });
  }

  private clearProblem(stageId: string): void {
    if (this.latestProblem()?.stageId === stageId) {
      this.latestProblem.set(null);
    }
  }
}

function rounded(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
}
