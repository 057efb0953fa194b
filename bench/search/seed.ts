import { ALBUM_WORDS_SOURCE, insertAlbumWords } from '../../backend/src/search-index/album-words';
import { Api } from './api';
import { databaseUrl, loadConfig, type SearchBenchConfig } from './config';
import { withIndexesDeferred } from './bulk';
import { connect, count, createDatabase, dropDatabase, insertRows, type Conn } from './db';
import {
  ALBUM_COLUMNS,
  ArtworkGenerator,
  COLOR_COLUMNS,
  painterRows,
  STAGE_COLUMNS,
  USER_COLUMNS,
  type Row,
} from './generate';
import { Rng } from './rng';
import { QUERIES } from './scenarios';

/** Rows per transaction: big enough to amortise commits, small enough to keep undo logs small. */
const ROWS_PER_TX = 20_000;
const SEED = 20_261_121;

export interface SeedSummary {
  seconds: number;
  rows: Record<string, number>;
  /** Public artworks matching each search term (FULLTEXT) or title prefix: what the queries sort. */
  matches: Record<string, number>;
}

/**
 * Creates the database, lets the built api run its migrations on it (so the schema is exactly
 * production's), then bulk-loads painters, artworks, stages and colours.
 */
export async function seed(config: SearchBenchConfig): Promise<SeedSummary> {
  const started = Date.now();
  await dropDatabase(config.serverUrl, config.database);
  await createDatabase(config.serverUrl, config.database);
  const api = await Api.start(config.backendMain, databaseUrl(config));
  await api.stop();
  console.log(`  schema by the api's migrations in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const conn = await connect(databaseUrl(config));
  try {
    // Rows are consistent by construction; skipping per-row FK and unique checks only saves time.
    await conn.query('SET foreign_key_checks = 0, unique_checks = 0');
    const generating = Date.now();
    const rng = new Rng(SEED);
    const endMs = Date.now();
    const painters = painterRows(config.painters, rng, endMs);
    const gen = new ArtworkGenerator(rng, painters.ids, config.artworks, endMs);
    const albums: Row[] = [];
    const stages: Row[] = [];
    const colors: Row[] = [];
    for (let i = 0; i < config.artworks; i++) {
      const art = gen.artwork(i);
      albums.push(art.album);
      for (const s of art.stages) stages.push(s);
      for (const c of art.colors) colors.push(c);
    }
    // Users and stages have random (v4) ids: inserted in key order, InnoDB appends to full pages
    // instead of splitting pages all over the table, several times faster once the tables outgrow
    // the buffer pool. Ids stay unrelated to creation order, as the app's are.
    const byKey = (a: Row, b: Row): number =>
      a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : (a[1] as number) - (b[1] as number);
    painters.rows.sort(byKey);
    stages.sort(byKey);
    colors.sort(byKey);
    console.log(`  generated and sorted in ${((Date.now() - generating) / 1000).toFixed(1)} s`);
    const timings: Record<string, number> = {};
    for (const [table, columns, rows, perStatement] of [
      ['users', USER_COLUMNS, painters.rows, 2_000],
      ['albums', ALBUM_COLUMNS, albums, 1_000],
      ['stages', STAGE_COLUMNS, stages, 2_000],
      ['stage_colors', COLOR_COLUMNS, colors, 5_000],
    ] as const) {
      const t0 = Date.now();
      await withIndexesDeferred(conn, table, async () => {
        for (let from = 0; from < rows.length; from += ROWS_PER_TX) {
          await inTransaction(conn, () =>
            insertRows(conn, table, columns, rows.slice(from, from + ROWS_PER_TX), perStatement),
          );
          process.stdout.write(`\r  ${table} ${Math.min(from + ROWS_PER_TX, rows.length)}/${rows.length}   `);
        }
      });
      timings[table] = (Date.now() - t0) / 1000;
    }
    process.stdout.write('\n');
    console.log(
      `  insert seconds: ${Object.entries(timings)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}`,
    );
    await fillDerivedTables(conn);
    // Fresh index statistics (InnoDB's own; no histograms), as a database that grew would have.
    const analyzing = Date.now();
    await conn.query('ANALYZE TABLE `users`, `albums`, `stages`, `stage_colors`');
    console.log(`  ANALYZE TABLE in ${((Date.now() - analyzing) / 1000).toFixed(1)} s`);
    const seconds = (Date.now() - started) / 1000;
    return { seconds, rows: await rowCounts(conn), matches: await termMatches(conn) };
  } finally {
    await conn.end();
  }
}

/**
 * Tables a migration fills from the others when it runs. Here the migrations run on an empty
 * database before the load, so such tables are filled after it the same way, if the build has them.
 */
async function fillDerivedTables(conn: Conn): Promise<void> {
  const exists = async (table: string): Promise<boolean> =>
    (await count(
      conn,
      'SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
      [table],
    )) > 0;
  // album_palette (migration 1763740000000): the cover stage's colours of each public artwork.
  if (await exists('album_palette')) {
    await conn.query(
      'INSERT INTO `album_palette` (`albumId`, `rank`, `hue`, `weight`) SELECT a.`id`, c.`rank`, c.`hue`, c.`weight` ' +
        "FROM `albums` a JOIN `stage_colors` c ON c.`stageId` = a.`coverStageId` WHERE a.`visibility` = 'public'",
    );
  }
  // album_words (migration 1763850000000): the words of each artwork's searchText, as the api writes them.
  if (await exists('album_words')) {
    const query = async (sql: string, params?: unknown[]) => (await conn.query(sql, params))[0];
    let after = '';
    for (;;) {
      const [rows] = await conn.query(`${ALBUM_WORDS_SOURCE} WHERE \`id\` > ? ORDER BY \`id\` LIMIT 5000`, [
        after,
      ]);
      const batch = rows as { id: string; text: string; listed: number | string }[];
      if (!batch.length) break;
      await inTransaction(conn, () =>
        insertAlbumWords(
          query,
          batch.map((r) => ({ id: r.id, text: r.text, listed: Number(r.listed) === 1 })),
        ),
      );
      after = batch.at(-1)!.id;
    }
  }
}

async function inTransaction(conn: Conn, work: () => Promise<void>): Promise<void> {
  await conn.beginTransaction();
  try {
    await work();
    await conn.commit();
  } catch (err) {
    await conn.rollback();
    throw err;
  }
}

export async function rowCounts(conn: Conn): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  const [present] = await conn.query(
    "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('album_palette', 'album_words')",
  );
  const derived = (present as { t: string }[]).map((r) => r.t);
  for (const table of ['users', 'albums', 'stages', 'stage_colors', ...derived]) {
    rows[table] = await count(conn, `SELECT COUNT(*) FROM \`${table}\``);
  }
  rows.publicArtworks = await count(conn, "SELECT COUNT(*) FROM `albums` WHERE `visibility` = 'public'");
  return rows;
}

export async function termMatches(conn: Conn): Promise<Record<string, number>> {
  const matches: Record<string, number> = {};
  for (const term of QUERIES.fulltextTerms) {
    matches[term] = await count(
      conn,
      "SELECT COUNT(*) FROM `albums` WHERE MATCH(`searchText`) AGAINST (? IN BOOLEAN MODE) AND `visibility` = 'public'",
      [`+${term}*`],
    );
  }
  matches[`title ${QUERIES.prefix}…`] = await count(
    conn,
    "SELECT COUNT(*) FROM `albums` WHERE `titleNorm` LIKE ? AND `visibility` = 'public'",
    [`${QUERIES.prefix}%`],
  );
  return matches;
}

export function printSeedSummary(s: SeedSummary): void {
  console.log(`  seeded in ${s.seconds.toFixed(1)} s`);
  console.log(
    `  rows: ${Object.entries(s.rows)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `  public matches: ${Object.entries(s.matches)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}

// `npx tsx search/seed.ts`: seed (or re-seed) and keep the database for any number of runs.
if (require.main === module) {
  const config = loadConfig();
  console.log(`Seeding ${config.database}: ${config.painters} painters, ${config.artworks} artworks`);
  seed(config)
    .then(printSeedSummary)
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
