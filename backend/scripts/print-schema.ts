// Dev tool for writing migrations: `npx tsx scripts/print-schema.ts sqlite` or `... mysql mysql://root@127.0.0.1/scratch`.
// Prints the DDL TypeORM would run to bring an empty database to the entities' schema.
import { DataSource } from 'typeorm';
import { ENTITIES } from '../src/database/entities';
async function main() {
  const kind = process.argv[2];
  const ds = new DataSource(
    kind === 'sqlite'
      ? { type: 'better-sqlite3', database: ':memory:', entities: ENTITIES }
      : { type: 'mysql', url: process.argv[3], entities: ENTITIES, charset: 'utf8mb4_unicode_ci' },
  );
  await ds.initialize();
  const sql = await ds.driver.createSchemaBuilder().log();
  console.log(
    JSON.stringify(
      sql.upQueries.map((q) => q.query),
      null,
      2,
    ),
  );
  console.log('---DOWN');
  console.log(JSON.stringify(sql.downQueries.map((q) => q.query).reverse(), null, 2));
  await ds.destroy();
}
main();
