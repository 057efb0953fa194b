import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { loadConfigOrExit } from './config/load-or-exit';
import { preflightOrExit } from './startup/preflight';
import { loggingModule } from './observability/logging';
import { serveWorkerMetrics } from './observability/worker-metrics';
import { DatabaseModule } from './database/database.module';
import { ArtworkProjectionsModule } from './artworks/artwork-projections.module';
import { EventsModule } from './events/events.module';
import { NotificationCoreModule } from './notifications/notification-core.module';
import { SearchIndexModule } from './search-index/search-index.module';
import { StageJobsModule } from './stages/stage-jobs.module';
import { ProcessJobsModule } from './process/process-jobs.module';
import { QueueModule } from './queue/queue.module';
import { DataVersionModule } from './read-cache/data-version.module';
import { RealtimeEmitterModule } from './realtime/realtime-emitter.module';
import { RedisModule } from './redis/redis.module';
import { StorageDeletionsModule } from './storage/storage-deletions';
import { StorageModule } from './storage/storage.module';

/** A worker: database, storage, the queue consumer and the projections its jobs trigger; no HTTP. */
@Module({})
class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        // The api's structured logs (JSON in production); each job's lines carry its ids.
        loggingModule(),
        RedisModule,
        DatabaseModule.forRoot({ migrate: false }),
        EventsModule,
        // Its writes move the data version, so the apis' cached reads see them at once.
        DataVersionModule,
        SearchIndexModule,
        StorageModule,
        StorageDeletionsModule,
        QueueModule.forRoot(config, { consume: true }),
        RealtimeEmitterModule,
        StageJobsModule.forRoot({ recovery: false }),
        // Stage status changes move the cover and reach the owner's and watchers' sockets.
        ArtworkProjectionsModule,
        // Fingerprints for lookup and the process films follow stage changes.
        ProcessJobsModule,
        // Fan-out of new artworks to followers runs as a job.
        NotificationCoreModule,
      ],
    };
  }
}

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.redisUrl) {
    console.error(
      'Configuration error: REDIS_URL is required for `npm run worker` (without Redis the api runs jobs itself)',
    );
    process.exit(1);
  }
  await preflightOrExit(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  if (config.workerMetricsPort) serveWorkerMetrics(config.workerMetricsPort, config.metricsToken);
  new Logger('Gallery').log('Worker consuming media jobs');
}

void bootstrap();
