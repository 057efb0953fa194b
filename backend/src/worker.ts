import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { loadConfigOrExit } from './config/load-or-exit';
import { preflightOrExit } from './startup/preflight';
import { serveWorkerMetrics } from './observability/worker-metrics';
import { DatabaseModule } from './database/database.module';
import { ArtworkProjectionsModule } from './artworks/artwork-projections.module';
import { EventsModule } from './events/events.module';
import { SearchIndexModule } from './search-index/search-index.module';
import { StageJobsModule } from './stages/stage-jobs.module';
import { QueueModule } from './queue/queue.module';
import { RealtimeEmitterModule } from './realtime/realtime-emitter.module';
import { RedisModule } from './redis/redis.module';
import { StorageModule } from './storage/storage.module';

/** A worker: database, storage, the queue consumer and the projections its jobs trigger; no HTTP. */
@Module({})
class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        RedisModule,
        DatabaseModule.forRoot({ migrate: false }),
        EventsModule,
        SearchIndexModule,
        StorageModule,
        QueueModule.forRoot(config, { consume: true }),
        RealtimeEmitterModule,
        StageJobsModule.forRoot({ recovery: false }),
        // Stage status changes move the cover and reach the owner's and watchers' sockets.
        ArtworkProjectionsModule,
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
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  app.enableShutdownHooks();
  if (config.workerMetricsPort) serveWorkerMetrics(config.workerMetricsPort, config.metricsToken);
  new Logger('Gallery').log('Worker consuming media jobs');
}

void bootstrap();
