import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ArtworkViewAccess } from './artworks/artwork-view-access';
import { AdminModule } from './admin/admin.module';
import { ArtworksModule } from './artworks/artworks.module';
import { AuthModule } from './auth/auth.module';
import { ChatModule } from './chat/chat.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { RealtimeModule } from './realtime/realtime.module';
import { ProcessModule } from './process/process.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';
import { ReportsModule } from './reports/reports.module';
import { SearchIndexModule } from './search-index/search-index.module';
import { SearchModule } from './search/search.module';
import { SessionModule } from './session/session.module';
import { SocialModule } from './social/social.module';
import { StageJobsModule } from './stages/stage-jobs.module';
import { StorageModule } from './storage/storage.module';
import { ThrottlingModule } from './throttling/throttling.module';
import { UsersModule } from './users/users.module';

/** Infrastructure first, features after; features never import infrastructure adapters directly. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        RedisModule,
        DatabaseModule,
        EventsModule,
        StorageModule,
        SessionModule,
        SearchIndexModule,
        ThrottlingModule,
        QueueModule.forRoot(config, { consume: config.jobsInApi }),
        StageJobsModule.forRoot({ recovery: true }),
        UsersModule,
        AuthModule,
        ArtworksModule,
        SocialModule,
        SearchModule,
        ChatModule,
        ReportsModule,
        AdminModule,
        HealthModule,
        ProcessModule,
        RealtimeModule.forRoot({
          albumAccess: { imports: [ArtworksModule], useExisting: ArtworkViewAccess },
        }),
        ...(config.webDir ? [webApp(config.webDir)] : []),
      ],
    };
  }
}

/** The built Angular app from the same origin; unknown paths get index.html (client-side routes). */
function webApp(rootPath: string): DynamicModule {
  return ServeStaticModule.forRoot({
    rootPath,
    exclude: ['/api/{*path}', '/socket.io/{*path}'],
    serveStaticOptions: {
      setHeaders: (res, path) => {
        // Angular puts a content hash in every file name except index.html.
        const hashed = /\.[0-9a-z]{8,}\.(js|css|woff2?)$|media\//i.test(path);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    },
  });
}
