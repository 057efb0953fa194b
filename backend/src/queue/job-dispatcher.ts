import { Injectable, Logger } from '@nestjs/common';
import { jobDuration, jobsTotal } from '../observability/metrics';
import { PermanentJobError, type JobAttempt, type JobData, type JobHandler, type JobName } from './jobs';

/**
 * Maps job names to handlers. Feature modules register their handlers; both queue adapters
 * run jobs through here, so the same processor code runs in-process and in Bull workers.
 */
@Injectable()
export class JobDispatcher {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as JobHandler<JobName>);
  }

  /** Runs one attempt. Throws to ask for a retry; PermanentJobError means do not retry. */
  async run<N extends JobName>(name: N, data: JobData[N], attempt: JobAttempt): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new PermanentJobError(`no handler for job ${name}`);
    const end = jobDuration.startTimer({ job: name });
    try {
      await handler(data, attempt);
      end({ outcome: 'completed' });
      jobsTotal.inc({ job: name, outcome: 'completed' });
    } catch (err) {
      const outcome = err instanceof PermanentJobError || attempt.final ? 'failed' : 'retried';
      end({ outcome });
      jobsTotal.inc({ job: name, outcome });
      this.logger.warn(
        `${name} attempt ${attempt.number} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
      throw err;
    }
  }
}
