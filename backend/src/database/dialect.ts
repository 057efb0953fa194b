import type { DataSource, EntityManager } from 'typeorm';

/**
 * Hand-written SQL for both adapters: written with double-quoted identifiers (SQLite, standard)
 * and turned into backticks for MySQL. Only for SQL whose string literals use single quotes.
 */
export function dialectSql(db: DataSource | EntityManager, sql: string): string {
  return isMysql(db) ? sql.replace(/"/g, '`') : sql;
}

export function isMysql(db: DataSource | EntityManager): boolean {
  return ('connection' in db ? db.connection.options.type : db.options.type) === 'mysql';
}

/** `?, ?, ?` for an IN list of n values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * A date column read by raw SQL, as ISO 8601: mysql2 returns Date objects (the pool runs in UTC),
 * SQLite the UTC text TypeORM stored ('YYYY-MM-DD HH:MM:SS.SSS').
 */
export function toIso(value: Date | string): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(`${value.replace(' ', 'T')}Z`).toISOString();
}

/** A date column read by raw SQL as a Date (see {@link toIso} for what each driver returns). */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/**
 * MySQL's FORCE INDEX, for a keyset page whose `id < ?` tie-break tempts MariaDB into a `ref`
 * scan of the whole (visibility, …) prefix instead of a range from the cursor. SQLite plans these
 * well by itself: nothing there.
 */
export function forceIndex(db: DataSource | EntityManager, index: string): string {
  return isMysql(db) ? `FORCE INDEX (\`${index}\`)` : '';
}
