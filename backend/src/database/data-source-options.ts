import type { DataSourceOptions } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity type
type EntityTarget = Function;
import type { DatabaseConfig } from '../config/app-config';
import { MYSQL_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';

/**
 * TypeORM options for either adapter. In the app each module registers its own entities
 * (`TypeOrmModule.forFeature`, collected by `autoLoadEntities`); standalone data sources (CLIs,
 * tests) pass the few they use. The schema comes from migrations (one set per
 * dialect, generated from the same entities), run at start-up; never `synchronize`.
 */
export function dataSourceOptions(db: DatabaseConfig, entities: EntityTarget[] = []): DataSourceOptions {
  if (db.kind === 'sqlite') {
    return {
      type: 'better-sqlite3',
      database: db.file,
      entities,
      migrations: SQLITE_MIGRATIONS,
      migrationsRun: true,
      // WAL lets readers proceed while a write is in flight; busy_timeout waits instead of failing.
      prepareDatabase: (conn: { pragma(sql: string): unknown }) => {
        conn.pragma('journal_mode = WAL');
        conn.pragma('busy_timeout = 5000');
        conn.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    type: 'mysql',
    url: db.url,
    entities,
    migrations: MYSQL_MIGRATIONS,
    migrationsRun: true,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    extra: { connectionLimit: 20 },
  };
}
