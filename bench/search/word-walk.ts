import type { EntityManager } from 'typeorm';
import { MysqlSearchIndex } from '../../backend/src/search-index/mysql-search.index';
import { queryTerms } from '../../backend/src/search-index/normalize';
import { databaseUrl, loadConfig } from './config';
import { connect, count } from './db';
import { QUERIES } from './scenarios';

/**
 * `npx tsx search/word-walk.ts` on a kept, migrated database: a search's artwork ids, the
 * album_words walk against the FULLTEXT statement it replaced, alternating in one run so that both
 * see the same load (the machine is shared). Prints min / p50 ms over WORD_WALK_RUNS (40) each, the
 * ratio, and how many of the 20 ids the two answers share (they differ only among equal matches).
 */
const RUNS = Number(process.env.WORD_WALK_RUNS || 40);
const PAGE = 20;

async function main(): Promise<void> {
  const config = loadConfig();
  const conn = await connect(databaseUrl(config));
  const db = {
    query: async (sql: string, params?: unknown[]) => (await conn.query(sql, params))[0],
  } as unknown as EntityManager;
  const index = new MysqlSearchIndex();
  const fulltext = (terms: string[]): Promise<string[]> => index['fulltextAlbumIds'](db, terms, PAGE);
  const walk = (terms: string[]): Promise<string[]> => index.albumIds(db, terms, PAGE);
  try {
    const rows = await count(conn, 'SELECT COUNT(*) FROM `album_words`');
    console.log(`album_words: ${rows} rows`);
    const queries = [QUERIES.common, QUERIES.multi, QUERIES.rare, 'harb', 'dusk harbour'];
    console.log('| query | FULLTEXT min | p50 | album_words min | p50 | p50 ratio | same ids |');
    console.log('| ----- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const q of queries) {
      const terms = queryTerms(q).filter((t) => t.length >= 3);
      const a: number[] = [];
      const b: number[] = [];
      let idsA: string[] = [];
      let idsB: string[] = [];
      for (let i = 0; i < RUNS; i++) {
        let t0 = performance.now();
        idsA = await fulltext(terms);
        a.push(performance.now() - t0);
        t0 = performance.now();
        idsB = await walk(queryTerms(q));
        b.push(performance.now() - t0);
      }
      const shared = idsB.filter((id) => idsA.includes(id)).length;
      const p50a = pct(a, 0.5);
      const p50b = pct(b, 0.5);
      console.log(
        `| "${q}" | ${fmt(Math.min(...a))} | ${fmt(p50a)} | ${fmt(Math.min(...b))} | ${fmt(p50b)} | ` +
          `${(p50a / p50b).toFixed(1)}× | ${shared}/${Math.max(idsA.length, idsB.length)} |`,
      );
    }
  } finally {
    await conn.end();
  }
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
