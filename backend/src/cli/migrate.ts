/**
 * Brings the schema of the configured database up to date and exits:
 *   npm run migrate -w backend            (after a build; add --check to only list pending migrations)
 * The api also migrates at start-up (workers wait for it); this is for deploys that migrate as a
 * separate step. On MySQL it takes the same advisory lock as the api, so running it while apis start
 * is safe: whoever comes second waits, then finds nothing to do.
 * Uses the same configuration as the api, so it works on SQLite and MySQL alike.
 */
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from '../config/load-or-exit';
import { dataSourceOptions } from '../database/data-source-options';
import { underMigrationLock } from '../database/migration-lock';

async function main(): Promise<void> {
  const checkOnly = process.argv.includes('--check');
  const config = loadConfigOrExit().database;
  // Run them here, not implicitly in initialize(), so that each one is reported.
  const db = await new DataSource({ ...dataSourceOptions(config), migrationsRun: false }).initialize();
  try {
    const where = config.kind === 'sqlite' ? config.file : new URL(config.url).pathname.slice(1);
    if (checkOnly) {
      const pending = await db.showMigrations();
      console.log(pending ? `${where}: migrations pending` : `${where}: schema up to date`);
      process.exitCode = pending ? 1 : 0;
      return;
    }
    const ran = await underMigrationLock(db, () => db.runMigrations());
    for (const m of ran) console.log(`ran ${m.name}`);
    console.log(
      `${where}: ${ran.length ? `${ran.length} migration(s) applied` : 'schema already up to date'}`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
