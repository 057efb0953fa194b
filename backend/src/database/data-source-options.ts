import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';

/**
 * TypeORM options for either adapter. The schema comes from migrations (one set per
 * dialect, generated from the same entities), run at start-up; never `synchronize`.
 */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  if (db.kind === 'sqlite') {
    return {
      type: 'better-sqlite3',
      database: db.file,
      entities: ENTITIES,
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
    entities: ENTITIES,
    migrations: MYSQL_MIGRATIONS,
    migrationsRun: true,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    extra: { connectionLimit: 20 },
  };
}
