/**
 * Passes values on at most once per `everyMs`: the first at once, then only the latest of each
 * window, at its end. `flush()` passes a waiting value on now (leaving, closing).
 */
export class Throttle<T> {
  private lastSent = Number.NEGATIVE_INFINITY;
  private waiting: { readonly value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly everyMs: number,
    private readonly send: (value: T) => void,
  ) {}

  push(value: T): void {
    const wait = this.lastSent + this.everyMs - Date.now();
    if (wait <= 0 && this.timer === null) {
      this.pass(value);
      return;
    }
    this.waiting = { value };
    this.timer ??= setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) {
      this.pass(waiting.value);
    }
  }

  private pass(value: T): void {
    this.lastSent = Date.now();
    this.send(value);
  }
}
