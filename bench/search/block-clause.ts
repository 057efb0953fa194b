import { notModerated } from '../../backend/src/artworks/artwork-moderation';
import { noBlockBetween } from '../../backend/src/users/block-sql';
import { databaseUrl, loadConfig } from './config';
import { connect, count, type Conn } from './db';
import { PAGE } from './scenarios';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 300);

/** MySQL quoting of the backend's double-quoted SQL (what dialectSql does). */
const my = (sql: string): string => sql.replace(/"/g, '`');

/**
 * `npm run bench:search-blocks -w bench` on a kept, seeded database (BENCH_KEEP=1 bench:search
 * first): the explore page query alone, signed out (no block clause) against signed in (the two
 * NOT EXISTS of noBlockBetween), for a viewer without blocks and one who blocked 1 painter in
 * 10. The rounds interleave the variants, so a busy machine slows all of them alike; prints the
 * median and p95 per query and the ratio to signed out. Seeded painters stand in as viewers; the
 * blocks are removed afterwards.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const conn = await connect(databaseUrl(config));
  try {
    const ids = (
      await conn.query(
        "SELECT `id` FROM `users` WHERE `username` IN ('painter_00001', 'painter_00002') ORDER BY `username`",
      )
    )[0] as { id: string }[];
    const [plain, blocking] = ids.map((r) => r.id) as [string, string];
    await conn.query(
      'INSERT IGNORE INTO `user_blocks` (`blockerId`, `blockedId`, `createdAt`) ' +
        "SELECT ?, `id`, ? FROM `users` WHERE `username` LIKE 'painter\\_%' AND CRC32(`id`) % 10 = 0 AND `id` <> ?",
      [blocking, Date.now(), blocking],
    );
    const blocked = await count(conn, 'SELECT COUNT(*) FROM `user_blocks` WHERE `blockerId` = ?', [blocking]);
    try {
      const listed = `a."visibility" = 'public' AND a."coverStageId" IS NOT NULL AND ${notModerated('a')}`;
      const page = (order: string, blocks: boolean) =>
        my(
          `SELECT a."id", a."hot" AS "sortValue" FROM "albums" a WHERE ${listed} ` +
            `${blocks ? `AND ${noBlockBetween('a."ownerId"')}` : ''} ORDER BY ${order} LIMIT ${PAGE + 1}`,
        );
      const cases: { name: string; sql: string; params: unknown[] }[] = [];
      for (const [sort, order] of [
        ['recent', 'a."id" DESC'],
        ['popular', 'a."hot" DESC, a."id" DESC'],
      ] as const) {
        cases.push({ name: `${sort} p1, signed out`, sql: page(order, false), params: [] });
        cases.push({
          name: `${sort} p1, signed in, no blocks`,
          sql: page(order, true),
          params: [plain, plain],
        });
        cases.push({
          name: `${sort} p1, signed in, ${blocked} blocked`,
          sql: page(order, true),
          params: [blocking, blocking],
        });
      }
      const times = cases.map(() => [] as number[]);
      for (let round = 0; round < ROUNDS; round++)
        for (const [i, c] of cases.entries()) times[i]!.push(await timed(conn, c.sql, c.params));
      console.log(`bench/search-blocks: ${ROUNDS} rounds, page of ${PAGE} (+1), ${config.database}`);
      for (const [i, c] of cases.entries()) {
        const base = times[i - (i % 3)]!;
        const [p50, p95] = [quantile(times[i]!, 0.5), quantile(times[i]!, 0.95)];
        console.log(
          `  ${c.name.padEnd(36)} p50 ${p50.toFixed(3)} ms  p95 ${p95.toFixed(3)} ms  ` +
            `×${(p50 / quantile(base, 0.5)).toFixed(2)} p50 of signed out`,
        );
      }
    } finally {
      await conn.query('DELETE FROM `user_blocks` WHERE `blockerId` = ?', [blocking]);
    }
  } finally {
    await conn.end();
  }
}

async function timed(conn: Conn, sql: string, params: unknown[]): Promise<number> {
  const t0 = performance.now();
  await conn.query(sql, params);
  return performance.now() - t0;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
