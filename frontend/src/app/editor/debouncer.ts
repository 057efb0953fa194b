/**
 * Runs the latest task scheduled under a key once the key has been quiet for `delayMs`.
 * One key per thing being edited (the artwork, each stage), so edits to one never delay another.
 */
export class Debouncer {
  private readonly waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; task: () => void }>();

  constructor(private readonly delayMs: number) {}

  schedule(key: string, task: () => void): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.waiting.delete(key);
      task();
    }, this.delayMs);
    this.waiting.set(key, { timer, task });
  }

  cancel(key: string): void {
    const entry = this.waiting.get(key);
    if (entry) {
      clearTimeout(entry.timer);
      this.waiting.delete(key);
    }
  }

  /** Forgets everything still waiting, e.g. when what it would save is gone. */
  cancelAll(): void {
    for (const { timer } of this.waiting.values()) {
      clearTimeout(timer);
    }
    this.waiting.clear();
  }

  /** Runs everything still waiting now, e.g. when the page is left. */
  flush(): void {
    const entries = [...this.waiting.values()];
    this.waiting.clear();
    for (const { timer, task } of entries) {
      clearTimeout(timer);
      task();
    }
  }
}
