import { Logger } from '@nestjs/common';
import type { DataSource, Migration } from 'typeorm';

const LOCK = 'gallery-migrations';
const logger = new Logger('Migrations');

/**
 * MySQL/MariaDB: runs pending migrations under a database advisory lock, so that of several apis
 * (and `npm run migrate`) starting together on an empty database one migrates and the others wait
 * for it (then find nothing to do). SQLite has a single process: it migrates directly.
 */
export async function migrateUnderLock(db: DataSource): Promise<Migration[]> {
  const ran = await underMigrationLock(db, () => db.runMigrations());
  if (ran.length && db.options.type === 'mysql')
    logger.log(`ran ${ran.length} migration(s) under the ${LOCK} lock`);
  return ran;
}

/** Runs `work` holding the migration lock (MySQL/MariaDB); waits up to 60 s for another holder. */
export async function underMigrationLock<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  if (db.options.type !== 'mysql') return work();
  const runner = db.createQueryRunner();
  await runner.connect();
  const take = async (seconds: number) => {
    const [row] = (await runner.query(`SELECT GET_LOCK(?, ?) AS got`, [LOCK, seconds])) as {
      got: number | null;
    }[];
    return Number(row?.got) === 1;
  };
  try {
    if (!(await take(0))) {
      logger.log(`another process is migrating; waiting for the ${LOCK} lock`);
      if (!(await take(60))) throw new Error(`could not take the ${LOCK} lock within 60 s`);
    }
    try {
      return await work();
    } finally {
      await runner.query(`SELECT RELEASE_LOCK(?)`, [LOCK]);
    }
  } finally {
    await runner.release();
  }
}

/** Workers never migrate: they wait (up to `ms`) until an api has brought the schema up to date. */
export async function waitForSchema(db: DataSource, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  let said = false;
  while (await db.showMigrations()) {
    if (!said) logger.log('waiting for an api to migrate the database');
    said = true;
    if (Date.now() > deadline)
      throw new Error('the database schema is still not current; is an api running?');
    await new Promise((r) => setTimeout(r, 1000));
  }
}
