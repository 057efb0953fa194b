import type { Conn } from './db';

/**
 * Runs `load` with the table's secondary indexes and foreign keys taken off, then puts them back
 * exactly as SHOW CREATE TABLE had them (the migration's definitions, read back, not repeated
 * here) and checks the table definition came back identical. InnoDB builds an index from sorted
 * rows in one pass; maintaining it row by row in random key order, with the tables several times
 * larger than the 128 MB buffer pool, made seeding three times slower.
 */
export async function withIndexesDeferred(
  conn: Conn,
  table: string,
  load: () => Promise<void>,
): Promise<void> {
  const before = await showCreate(conn, table);
  const lines = before.split('\n').map((l) => l.trim().replace(/,$/, ''));
  const keys = lines.filter((l) => /^(UNIQUE |FULLTEXT )?KEY `/.test(l));
  const foreign = lines.filter((l) => /^CONSTRAINT `[^`]+` FOREIGN KEY/.test(l));
  const name = (l: string): string => /`([^`]+)`/.exec(l)![1]!;
  if (foreign.length) {
    await conn.query(
      `ALTER TABLE \`${table}\` ${foreign.map((l) => `DROP FOREIGN KEY \`${name(l)}\``).join(', ')}`,
    );
  }
  if (keys.length) {
    await conn.query(`ALTER TABLE \`${table}\` ${keys.map((l) => `DROP INDEX \`${name(l)}\``).join(', ')}`);
  }
  await load();
  // FULLTEXT indexes one per statement: InnoDB builds only one at a time.
  const plain = keys.filter((k) => !k.startsWith('FULLTEXT'));
  if (plain.length) await conn.query(`ALTER TABLE \`${table}\` ${plain.map((k) => `ADD ${k}`).join(', ')}`);
  for (const k of keys.filter((k) => k.startsWith('FULLTEXT')))
    await conn.query(`ALTER TABLE \`${table}\` ADD ${k}`);
  // With foreign_key_checks = 0 this records the constraint without re-reading every row.
  if (foreign.length)
    await conn.query(`ALTER TABLE \`${table}\` ${foreign.map((l) => `ADD ${l}`).join(', ')}`);
  const after = await showCreate(conn, table);
  if (after !== before)
    throw new Error(`${table}: definition changed by the bulk load:\n${before}\n---\n${after}`);
}

async function showCreate(conn: Conn, table: string): Promise<string> {
  const [rows] = await conn.query(`SHOW CREATE TABLE \`${table}\``);
  return (rows as Record<string, string>[])[0]!['Create Table']!;
}
