import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { QueueCounts } from '@gallery/contracts';
import { cpus } from 'node:os';
import { JobDispatcher } from './job-dispatcher';
import { JobQueue } from './job-queue';
import { PermanentJobError, RETRY, type JobData, type JobName } from './jobs';

interface QueuedJob {
  name: JobName;
  data: JobData[JobName];
  jobId?: string;
  attempt: number;
}

/**
 * Embedded-mode adapter: runs jobs in this process with the same retry policy as Bull and as
 * many jobs in flight as cores (sharp uses one thread per image here).
 */
@Injectable()
export class InProcessQueue extends JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('InProcessQueue');
  private readonly waiting: QueuedJob[] = [];
  private readonly active = new Set<string | undefined>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly delayed = new Set<string>();
  private running = 0;
  private idle: (() => void)[] = [];
  private closed = false;
  private readonly concurrency = Math.max(1, cpus().length);

  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  async add<N extends JobName>(
    name: N,
    data: JobData[N],
    jobId?: string,
    options?: { delayMs?: number },
  ): Promise<void> {
    if (
      jobId &&
      (this.active.has(jobId) || this.delayed.has(jobId) || this.waiting.some((j) => j.jobId === jobId))
    )
      return;
    if (options?.delayMs) {
      // Delayed jobs collapse by id until they start, like Bull's (debounced rebuilds).
      if (jobId) this.delayed.add(jobId);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (jobId) this.delayed.delete(jobId);
        this.waiting.push({ name, data, jobId, attempt: 1 });
        this.pump();
      }, options.delayMs);
      this.timers.add(timer);
      return;
    }
    this.waiting.push({ name, data, jobId, attempt: 1 });
    this.pump();
  }

  /** Failed jobs are not kept (like Bull's removeOnFail); retries in backoff count as delayed. */
  counts(): Promise<QueueCounts> {
    return Promise.resolve({
      waiting: this.waiting.length,
      active: this.running,
      delayed: this.timers.size,
      failed: 0,
    });
  }

  drain(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  onApplicationShutdown(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
  }

  private pump(): void {
    while (!this.closed && this.running < this.concurrency && this.waiting.length) {
      const job = this.waiting.shift()!;
      this.running++;
      this.active.add(job.jobId);
      void this.execute(job).finally(() => {
        this.running--;
        this.active.delete(job.jobId);
        this.pump();
        if (this.isIdle()) this.idle.splice(0).forEach((resolve) => resolve());
      });
    }
  }

  private async execute(job: QueuedJob): Promise<void> {
    const final = job.attempt >= RETRY.attempts;
    try {
      await this.dispatcher.run(job.name, job.data, { number: job.attempt, final });
    } catch (err) {
      if (final || err instanceof PermanentJobError || this.closed) return;
      const delay = RETRY.backoffMs * RETRY.factor ** (job.attempt - 1);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.waiting.push({ ...job, attempt: job.attempt + 1 });
        this.pump();
      }, delay);
      this.timers.add(timer);
    }
  }

  private isIdle(): boolean {
    return this.running === 0 && this.waiting.length === 0 && this.timers.size === 0;
  }
}
