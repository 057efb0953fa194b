import { computed, signal } from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';

/** A switch with a count beside it: liked and how many like it, followed and how many follow. */
export interface Toggled {
  readonly on: boolean;
  readonly count: number;
}

/**
 * Flips at once and tells the server afterwards; if the server says no, goes back to what it
 * last confirmed and says why. Clicks while a request is on its way are fine: each sends the
 * state it wants, and only the latest answer counts.
 */
export class OptimisticToggle {
  private readonly shown = signal<Toggled>({ on: false, count: 0 });
  private readonly waiting = signal(0);
  private readonly failure = signal<string | null>(null);
  /** The last state the server agreed to. */
  private confirmed: Toggled = { on: false, count: 0 };
  /** Which request `confirmed` came from: an older answer arriving late must not replace it. */
  private confirmedBy = 0;
  private latest = 0;

  readonly on = computed(() => this.shown().on);
  readonly count = computed(() => this.shown().count);
  /** A request is on its way. */
  readonly pending = computed(() => this.waiting() > 0);
  /** Why the last change was undone, or null. */
  readonly error = this.failure.asReadonly();

  /**
   * @param send asks the server for a state and answers with the one it keeps
   * @param failed starts the message shown when the server refuses the state asked for, e.g.
   *   "Your like wasn’t saved."; the reason follows
   */
  constructor(
    private readonly send: (on: boolean) => Observable<Toggled>,
    private readonly failed: (on: boolean) => string,
  ) {}

  /** Shows this state as the truth, forgetting any answer still on its way (another item). */
  reset(state: Toggled): void {
    this.confirmedBy = ++this.latest;
    this.confirmed = state;
    this.shown.set(state);
    this.failure.set(null);
  }

  /** Takes fresher numbers from the server, unless a change of ours is still on its way. */
  refresh(state: Toggled): void {
    if (!this.pending()) {
      this.confirmed = state;
      this.shown.set(state);
    }
  }

  async toggle(): Promise<void> {
    const want = !this.shown().on;
    const request = ++this.latest;
    this.shown.update(({ count }) => ({ on: want, count: Math.max(0, count + (want ? 1 : -1)) }));
    this.failure.set(null);
    this.waiting.update((n) => n + 1);
    try {
      const answer = await firstValueFrom(this.send(want));
      if (request > this.confirmedBy) {
        this.confirmed = answer;
        this.confirmedBy = request;
      }
      if (request === this.latest) {
        this.shown.set(answer);
      }
    } catch (error) {
      if (request === this.latest) {
        this.shown.set(this.confirmed);
        this.failure.set(`${this.failed(want)} ${describeApiError(error)}`);
      }
    } finally {
      this.waiting.update((n) => n - 1);
    }
  }
}
