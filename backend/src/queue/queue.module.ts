import { BullModule } from '@nestjs/bull';
import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { BullJobConsumer, BullJobQueue } from './bull.queue';
import { InProcessQueue } from './in-process.queue';
import { JobDispatcher } from './job-dispatcher';
import { JobQueue } from './job-queue';
import { MEDIA_QUEUE } from './jobs';
import { queueDashboard } from './queue-dashboard';

/**
 * The jobs port, chosen once from configuration: Bull on Redis when REDIS_URL is set (consuming
 * here only if `consume`), otherwise the in-process runner.
 */
@Global()
@Module({})
export class QueueModule {
  /** `dashboard`: Bull Board at /api/admin/queues (the api, not workers). */
  static forRoot(config: AppConfig, options: { consume: boolean; dashboard?: boolean }): DynamicModule {
    const exports = [JobQueue, JobDispatcher];
    if (!config.redisUrl) {
      return {
        module: QueueModule,
        providers: [JobDispatcher, { provide: JobQueue, useClass: InProcessQueue }],
        exports,
      };
    }
    const providers: Provider[] = [JobDispatcher, { provide: JobQueue, useClass: BullJobQueue }];
    if (options.consume) providers.push(BullJobConsumer);
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          url: config.redisUrl,
          prefix: 'gallery:bull',
          // A killed worker's job is noticed within seconds; locks renew every 7.5 s while a job runs.
          settings: { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 3 },
        }),
        BullModule.registerQueue({ name: MEDIA_QUEUE }),
        ...(options.dashboard ? queueDashboard() : []),
      ],
      providers,
      exports,
    };
  }
}
