/**
 * Undo steps registered as resources are created, run last-first (workers before the Redis they
 * use). Every step runs even when an earlier one fails: a benchmark must never leave a server,
 * a database or gigabytes of temp files behind.
 */
export class Cleanup {
  private readonly steps: { label: string; run: () => Promise<void> | void }[] = [];
  private running: Promise<void> | null = null;

  defer(label: string, run: () => Promise<void> | void): void {
    this.steps.push({ label, run });
  }

  /** Idempotent: a second call (Ctrl-C during cleanup) waits for the first. */
  run(): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length) {
        const step = this.steps.pop()!;
        try {
          await step.run();
        } catch (err) {
          console.warn(`cleanup: ${step.label} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      this.running = null;
    })();
    return this.running;
  }
}
