import { Injectable, Logger, Optional } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { jobDuration, jobsTotal } from '../observability/metrics';
import { PermanentJobError, type JobAttempt, type JobData, type JobHandler, type JobName } from './jobs';

/** Fields every log line of a job carries: the job, its attempt and the ids in its data. */
export type JobLogFields = Record<string, string | number>;

function idsOf(data: object): JobLogFields {
  const ids: JobLogFields = {};
  for (const [key, value] of Object.entries(data))
    if (/Id$/.test(key) && typeof value === 'string') ids[key] = value;
  return ids;
}

/**
 * Maps job names to handlers. Feature modules register their handlers; both queue adapters
 * run jobs through here, so the same processor code runs in-process and in Bull workers.
 *
 * Each run is its own logging context (nestjs-pino's, as a request is): every line logged while it
 * runs, by any class, carries `job`, `attempt` and the ids in its data (`stageId`, `albumId`, ...),
 * so one stage's or one album's trouble can be followed across api and workers.
 */
@Injectable()
export class JobDispatcher {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  /** Absent where no LoggerModule is loaded (suites that assemble a few modules): plain lines then. */
  constructor(@Optional() private readonly pino?: PinoLogger) {}

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as JobHandler<JobName>);
  }

  /** Runs one attempt. Throws to ask for a retry; PermanentJobError means do not retry. */
  run<N extends JobName>(name: N, data: JobData[N], attempt: JobAttempt): Promise<void> {
    const run = () => this.attempt(name, data, attempt);
    if (!this.pino) return run();
    // inherit: false — a job queued during a request is not part of that request's log.
    return this.pino.runInContext(run, {
      bindings: { job: name, attempt: attempt.number, ...idsOf(data) },
      inherit: false,
    });
  }

  /**
   * Adds fields to the rest of the running job's log lines, for ids a handler learns on the way
   * (the album of a stage, read from its row). Outside a job it does nothing.
   */
  addLogFields(fields: JobLogFields): void {
    try {
      this.pino?.assign(fields);
    } catch {
      // Not inside a logging context (a handler called directly): nothing to add to.
    }
  }

  private async attempt<N extends JobName>(name: N, data: JobData[N], attempt: JobAttempt): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new PermanentJobError(`no handler for job ${name}`);
    const end = jobDuration.startTimer({ job: name });
    try {
      await handler(data, attempt);
      const seconds = end({ outcome: 'completed' });
      jobsTotal.inc({ job: name, outcome: 'completed' });
      this.logger.log(`${name} completed in ${Math.round(seconds * 1000)} ms`);
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
