import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

const LOCK = 'gallery-migrations';
const logger = new Logger('Migrations');

/**
 * MySQL/MariaDB: runs pending migrations under a database advisory lock, so that of several apis
 * starting together on an empty database one migrates and the others wait for it (then find
 * nothing to do). SQLite has a single process: it migrates directly.
 */
export async function migrateUnderLock(db: DataSource): Promise<void> {
  if (db.options.type !== 'mysql') {
    await db.runMigrations();
    return;
  }
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query(`SELECT GET_LOCK(?, 60) AS got`, [LOCK])) as { got: number | null }[];
    if (Number(row?.got) !== 1) throw new Error(`could not take the ${LOCK} lock within 60 s`);
    try {
      const ran = await db.runMigrations();
      if (ran.length) logger.log(`ran ${ran.length} migration(s) under the ${LOCK} lock`);
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
