import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

interface SqliteStatement {
  reader: boolean;
  all(...params: unknown[]): unknown[];
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

/** Prepared statements per better-sqlite3 connection (a restart in tests opens a new one). */
const MAX_STATEMENTS = 200;
const statements = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();

/**
 * Rows of one hot read-only statement (card lists, the artwork page, the session's user).
 * On SQLite the statement runs straight on better-sqlite3's connection, prepared once: TypeORM's
 * query runner would run the very same prepared statement, but first broadcasts before/after
 * events, builds a result object and awaits several times, which cost as much as the statement
 * itself on a card list (bench/read). Same connection, so it sees what TypeORM's queries see;
 * same error type. In a transaction, and on MySQL, it is TypeORM's query.
 */
export async function readRows<R>(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[],
): Promise<R[]> {
  const connection = sqliteConnection(db);
  if (!connection) return db.query<R[]>(sql, params);
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  // better-sqlite3 cannot bind booleans: 0/1, as TypeORM's runner does.
  const bound = params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
  try {
    let statement = cache.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      if (!statement.reader) throw new Error('readRows is for statements that return rows');
      cache.set(sql, statement);
      // Lists build their IN (?, ?…) per length: a bound, oldest out first (as TypeORM's cache).
      if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    }
    return statement.all(...bound) as R[];
  } catch (err) {
    throw new QueryFailedError(sql, bound, err as Error);
  }
}

function sqliteConnection(db: DataSource | EntityManager): SqliteConnection | null {
  if ('connection' in db && db.queryRunner) return null; // a transaction's manager
  const source = 'connection' in db ? db.connection : db;
  if (source.options.type !== 'better-sqlite3') return null;
  return (source.driver as unknown as { databaseConnection?: SqliteConnection }).databaseConnection ?? null;
}
