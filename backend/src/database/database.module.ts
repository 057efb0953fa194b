import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { migrateUnderLock, waitForSchema } from './migration-lock';
import { serializeTransactions } from './serialize-transactions';

/** The database port: SQLite file by default, MySQL/MariaDB when DATABASE_URL says so. */
@Module({})
export class DatabaseModule {
  /**
   * `migrate`: the api brings the schema up to date at start-up (under a lock on MySQL); a worker
   * (`migrate: false`) never migrates and waits until the schema is current.
   */
  static forRoot(options: { migrate: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          // Every module registers its own entities with forFeature; none are listed here.
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.database),
            migrationsRun: false,
            autoLoadEntities: true,
            // Start-up already checked that the database answers (startup/preflight.ts).
            retryAttempts: 2,
            retryDelay: 1000,
          }),
          dataSourceFactory: async (opts) => {
            const dataSource = await new DataSource(opts!).initialize();
            if (options.migrate) await migrateUnderLock(dataSource);
            else await waitForSchema(dataSource);
            return opts!.type === 'better-sqlite3' ? serializeTransactions(dataSource) : dataSource;
          },
        }),
      ],
    };
  }
}
