import type { DataSource, QueryRunner } from 'typeorm';
import type { DataVersion } from './data-version';
import { changesCachedReads } from './written-table';

const WATCHED = Symbol('gallery.writeWatched');

type Watched = QueryRunner & { [WATCHED]?: true; transactionDepth?: number };

/**
 * Bumps the data version after every committed write that a cached read could show, whoever
 * wrote it: a request, a job, a socket event, a listener. It sits under all of them, in the
 * query runners TypeORM hands out, so no feature has to remember to invalidate anything.
 *
 * A write outside a transaction bumps once it has run; one inside a transaction marks it, and
 * the outermost commit bumps after COMMIT (a rollback forgets the mark). The bump is awaited
 * where the write is awaited, so a request that changed something answers only after the version
 * moved: its next read, on any api, cannot get an answer cached before the change.
 *
 * The hot plain reads (database/plain-reads.ts) run straight on the SQLite connection, but they
 * are read-only statements by construction.
 */
export function watchWrites(dataSource: DataSource, version: DataVersion): void {
  const driver = dataSource.driver as { createQueryRunner(mode: string): QueryRunner };
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode: string) => watch(create(mode) as Watched, version);
}

function watch(runner: Watched, version: DataVersion): Watched {
  if (runner[WATCHED]) return runner; // better-sqlite3 hands out one shared runner
  runner[WATCHED] = true;
  let dirty = false;
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  const commit = runner.commitTransaction.bind(runner);
  const rollback = runner.rollbackTransaction.bind(runner);

  runner.query = (async (sql: string, ...rest: unknown[]) => {
    const result = await query(sql, ...rest);
    if (changesCachedReads(sql)) {
      if (runner.isTransactionActive) dirty = true;
      else await version.bump();
    }
    return result;
  }) as QueryRunner['query'];

  runner.commitTransaction = async () => {
    await commit();
    if (runner.isTransactionActive || !dirty) return;
    dirty = false;
    await version.bump();
  };

  runner.rollbackTransaction = async () => {
    await rollback();
    if (!runner.isTransactionActive) dirty = false;
  };
  return runner;
}
