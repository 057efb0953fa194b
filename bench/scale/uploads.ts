import type { Connection } from 'mysql2/promise';
import { sleep } from '../pipeline/proc';
import { uniqueCopy } from './images';
import type { User } from './user';

/** A stage the api answered 201 for, and when the database first showed it ready. */
export interface Accepted {
  id: string;
  acceptedAt: number;
  readyAt: number | null;
  status: string;
}

/**
 * Painters uploading one image per request to their own artwork, each on a fixed period, through
 * whichever api the balancer gives them. Failed requests (an api killed mid-request, Redis down)
 * are counted, not retried: what matters is that nothing the api accepted goes missing.
 */
export class UploadLoad {
  readonly accepted = new Map<string, Accepted>();
  refused = 0;
  readonly errors = new Map<string, number>();
  private running = false;
  private loops: Promise<void>[] = [];
  private next = 0;

  constructor(
    private readonly painters: { user: User; albumId: string }[],
    private readonly images: Buffer[],
    private readonly periodMs: number,
  ) {}

  start(): void {
    this.running = true;
    this.loops = this.painters.map((p, i) => this.loop(p, i));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(painter: { user: User; albumId: string }, index: number): Promise<void> {
    // Spread the painters over the period so uploads do not arrive in bursts.
    await sleep((this.periodMs / this.painters.length) * index);
    while (this.running) {
      const due = Date.now() + this.periodMs;
      const n = this.next++;
      const jpeg = uniqueCopy(this.images[n % this.images.length]!, `scale ${Date.now()} ${n}`);
      try {
        const form = new FormData();
        form.append('files', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), `stage-${n}.jpg`);
        const res = await painter.user.request<{ stages: { id: string; status: string }[] }>(
          'POST',
          `/api/albums/${painter.albumId}/stages`,
          form,
        );
        const at = Date.now();
        for (const s of res.stages)
          this.accepted.set(s.id, { id: s.id, acceptedAt: at, readyAt: null, status: s.status });
      } catch (err) {
        this.refused++;
        const key =
          err instanceof Error ? err.message.replace(/[0-9a-f-]{36}/g, ':id').slice(0, 80) : 'error';
        this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
      }
      await sleep(Math.max(0, due - Date.now()));
    }
  }
}

/**
 * Watches the stages table (the truth; the queue only carries work) and notes when each accepted
 * stage first reads `ready`. Polls every `everyMs` until stopped.
 */
export class ReadyWatcher {
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Connection,
    private readonly stages: Map<string, Accepted>,
    private readonly everyMs = 250,
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await this.poll();
        await sleep(this.everyMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.poll();
  }

  /** Reads the unfinished stages once; returns how many are still not ready. */
  async poll(): Promise<number> {
    const open = [...this.stages.values()].filter((s) => s.readyAt === null);
    if (!open.length) return 0;
    const now = Date.now();
    for (let i = 0; i < open.length; i += 500) {
      const chunk = open.slice(i, i + 500);
      const [rows] = (await this.db.query('SELECT id, status FROM stages WHERE id IN (?)', [
        chunk.map((s) => s.id),
      ])) as unknown as [{ id: string; status: string }[]];
      const byId = new Map(rows.map((r) => [r.id, r.status]));
      for (const s of chunk) {
        s.status = byId.get(s.id) ?? 'missing';
        if (s.status === 'ready') s.readyAt = now;
      }
    }
    return open.filter((s) => s.readyAt === null).length;
  }

  /** Polls until every stage is ready, or `timeoutMs` passes. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.poll()) > 0 && Date.now() < deadline) await sleep(500);
  }
}
