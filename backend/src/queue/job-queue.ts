import type { QueueCounts } from '@gallery/contracts';
import type { JobData, JobName } from './jobs';

/**
 * The queue port. Adapters: an in-process runner (embedded mode) and Bull on Redis, whose
 * workers may run in other processes. Adding a job never loses the work it stands for: the
 * database row is the truth, and recovery re-adds what a dead queue dropped.
 */
export abstract class JobQueue {
  /** `jobId` makes the add idempotent while a job with that id is waiting or running. */
  abstract add<N extends JobName>(
    name: N,
    data: JobData[N],
    jobId?: string,
    options?: { delayMs?: number },
  ): Promise<void>;
  /**
   * Jobs by state on this queue (every process's, for Bull), or null when it does not answer in
   * time: the admin stats and metrics read it, and must not hang on a Redis outage.
   */
  abstract counts(): Promise<QueueCounts | null>;
  /** Resolves when nothing is queued or running (tests, graceful shutdown). */
  abstract drain(): Promise<void>;
}
