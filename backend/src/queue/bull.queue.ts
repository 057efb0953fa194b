import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { queueSources } from '../observability/metrics';
import type { QueueCounts } from '@gallery/contracts';
import type { Job, Queue } from 'bull';
import { cpus } from 'node:os';
import { JobDispatcher } from './job-dispatcher';
import { JobQueue } from './job-queue';
import { MEDIA_QUEUE, PermanentJobError, RETRY, type JobData, type JobName } from './jobs';

/** How long an add may wait for Redis before the request goes on without it. */
const ADD_TIMEOUT_MS = 3000;
/** How long counting may wait for Redis before the stats answer without the queue. */
const COUNT_TIMEOUT_MS = 1000;

/** Production adapter: jobs in Redis, run by whichever process consumes the queue. */
@Injectable()
export class BullJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('BullJobQueue');

  private readonly metricsSource = () => this.queue.getJobCounts();

  constructor(@InjectQueue(MEDIA_QUEUE) private readonly queue: Queue) {
    super();
    queueSources.add(this.metricsSource);
  }

  onApplicationShutdown(): void {
    queueSources.delete(this.metricsSource);
  }

  /** From Redis, so every process's jobs; failed is 0 as jobs are added with removeOnFail. */
  async counts(): Promise<QueueCounts | null> {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), COUNT_TIMEOUT_MS).unref());
    const counts = await Promise.race([this.queue.getJobCounts().catch(() => null), timeout]);
    if (!counts) return null;
    const { waiting, active, delayed, failed } = counts;
    return { waiting, active, delayed, failed };
  }

  async add<N extends JobName>(
    name: N,
    data: JobData[N],
    jobId?: string,
    options?: { delayMs?: number },
  ): Promise<void> {
    const added = this.queue.add(name, data, {
      jobId,
      ...(options?.delayMs ? { delay: options.delayMs } : {}),
      attempts: RETRY.attempts,
      backoff: { type: 'exponential', delay: RETRY.backoffMs },
      removeOnComplete: true,
      removeOnFail: true,
    });
    // With Redis down an add would wait for the reconnect; the stage row is already stored as
    // pending, and recovery re-adds it, so the upload answers now instead of hanging.
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), ADD_TIMEOUT_MS).unref(),
    );
    const result = await Promise.race([added.catch((err: unknown) => err), timeout]);
    if (result === 'timeout' || result instanceof Error) {
      this.logger.warn(
        `could not queue ${name} now (${result instanceof Error ? result.message : 'Redis not answering'}); recovery will retry`,
      );
    }
  }

  async drain(): Promise<void> {
    for (;;) {
      const counts = await this.queue.getJobCounts();
      if (counts.waiting + counts.active + counts.delayed === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Runs queued jobs in this process (the worker, or the api when JOBS_IN_API is on). */
@Processor(MEDIA_QUEUE)
export class BullJobConsumer {
  constructor(private readonly dispatcher: JobDispatcher) {}

  @Process({ name: '*', concurrency: Math.max(1, cpus().length) })
  async run(job: Job<JobData[JobName]>): Promise<void> {
    const number = job.attemptsMade + 1;
    try {
      await this.dispatcher.run(job.name as JobName, job.data, {
        number,
        final: number >= (job.opts.attempts ?? 1),
      });
    } catch (err) {
      if (err instanceof PermanentJobError) await job.discard();
      throw err;
    }
  }
}
