import { Module, type DynamicModule } from '@nestjs/common';
import { ArtworkViewAccess } from './artworks/artwork-view-access';
import { AdminModule } from './admin/admin.module';
import { ArtworksModule } from './artworks/artworks.module';
import { AuthModule } from './auth/auth.module';
import { ChatModule } from './chat/chat.module';
import { CommentsModule } from './comments/comments.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { loggingModule } from './observability/logging';
import { ObservabilityModule } from './observability/observability.module';
import { RealtimeModule } from './realtime/realtime.module';
import { ProcessModule } from './process/process.module';
import { QueueModule } from './queue/queue.module';
import { DataVersionModule } from './read-cache/data-version.module';
import { ReadCacheModule } from './read-cache/read-cache.module';
import { RedisModule } from './redis/redis.module';
import { ReportsModule } from './reports/reports.module';
import { SearchIndexModule } from './search-index/search-index.module';
import { SearchModule } from './search/search.module';
import { SessionModule } from './session/session.module';
import { SocialModule } from './social/social.module';
import { StageJobsModule } from './stages/stage-jobs.module';
import { StorageDeletionsModule } from './storage/storage-deletions';
import { StorageModule } from './storage/storage.module';
import { ThrottlingModule } from './throttling/throttling.module';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';

/** Infrastructure first, features after; features never import infrastructure adapters directly. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        loggingModule(),
        RedisModule,
        DatabaseModule.forRoot({ migrate: true }),
        EventsModule,
        DataVersionModule,
        ReadCacheModule,
        StorageModule,
        StorageDeletionsModule,
        SessionModule,
        SearchIndexModule,
        ThrottlingModule,
        QueueModule.forRoot(config, { consume: config.jobsInApi, dashboard: true }),
        StageJobsModule.forRoot({ recovery: true }),
        UsersModule,
        AuthModule,
        ArtworksModule,
        SocialModule,
        CommentsModule,
        NotificationsModule,
        SearchModule,
        ChatModule,
        ReportsModule,
        AdminModule,
        HealthModule,
        ProcessModule,
        ObservabilityModule,
        RealtimeModule.forRoot({
          albumAccess: { imports: [ArtworksModule], useExisting: ArtworkViewAccess },
        }),
        WebModule,
      ],
    };
  }
}
