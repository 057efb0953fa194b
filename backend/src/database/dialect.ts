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
  // Card lists convert a few dates per card: the common stored form is rewritten as text, which
  // is what the Date round trip gives for it. Days 29–31 take the round trip, which rolls an
  // impossible one (Feb 30) into the next month.
  if (STORED_UTC.test(value)) return `${value.slice(0, 10)}T${value.slice(11)}Z`;
  return new Date(`${value.replace(' ', 'T')}Z`).toISOString();
}
const STORED_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}$/;

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
