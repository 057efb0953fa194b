import type { DataSource } from 'typeorm';

/**
 * TypeORM's better-sqlite3 driver has a single connection, so two transactions started at once
 * collide ("cannot start a transaction within a transaction"). SQLite allows one writer anyway:
 * queueing transactions costs nothing and makes concurrent requests (50 likes at once, a chat
 * flood) behave as they do on MySQL. Every repository shares dataSource.manager, so this covers
 * all `manager.transaction` and `dataSource.transaction` calls.
 */
export function serializeTransactions(dataSource: DataSource): DataSource {
  const manager = dataSource.manager;
  const run = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    const next = tail.then(() => run(...args));
    tail = next.catch(() => undefined);
    return next;
  }) as typeof manager.transaction;
  return dataSource;
}
