import type { EntityManager } from 'typeorm';
import { dialectSql } from '../database/dialect';

/** How far from the asked hue a colour may lie, either way round the colour circle. */
export const HUE_SPREAD = 15;

export interface HueHit {
  albumId: string;
  weight: number;
}

/**
 * Public artworks whose cover has a colour within ±15° of `hue`, heaviest first, after the
 * (weight, albumId) cursor; at most `want` of them.
 *
 * Each degree of the window is its own walk of the (hue, weight, albumId) index reading at most
 * `k` rows, so the cost is bounded whatever the colour (one walk of a weight-ordered index would
 * scan everything for a hue nobody painted). The heaviest `k` rows of the walks are candidates.
 * An artwork with two colours in the window counts once, at its heavier one: a candidate is
 * dropped when its artwork has a heavier colour in the window (NOT EXISTS, a primary-key lookup
 * of the artwork's few colours, run for the candidates only). That also keeps an artwork shown on
 * an earlier page from coming back on a later one. When dropped candidates leave the page short
 * and the walks had more rows, the query runs again with 4× the candidates.
 */
export async function hueHits(
  db: EntityManager,
  hue: number,
  want: number,
  cursor: { weight: number; albumId: string } | null,
): Promise<HueHit[]> {
  for (let k = 2 * want; ; k *= 4) {
    const { hits, more } = await candidates(db, hue, want, k, cursor);
    if (hits.length >= want || !more) return hits;
  }
}

async function candidates(
  db: EntityManager,
  hue: number,
  want: number,
  k: number,
  cursor: { weight: number; albumId: string } | null,
): Promise<{ hits: HueHit[]; more: boolean }> {
  const window = Array.from({ length: 2 * HUE_SPREAD + 1 }, (_, i) => (hue - HUE_SPREAD + i + 360) % 360);
  // Whole numbers computed above and validated limits, never user text: inlined.
  const inWindow = window.join(', ');
  const after = cursor ? 'AND (p."weight" < ? OR (p."weight" = ? AND p."albumId" < ?))' : '';
  const walk = (h: number): string =>
    `SELECT * FROM (SELECT p."albumId", p."weight", p."rank" FROM "album_palette" p WHERE p."hue" = ${h} ${after} ` +
    `ORDER BY p."weight" DESC, p."albumId" DESC LIMIT ${k}) w${h}`;
  // `total` (every walk row, before the LIMIT) says whether a bigger k could find more.
  const top =
    `SELECT u."albumId", u."weight", u."rank", COUNT(*) OVER () AS "total" FROM (${window.map(walk).join(' UNION ALL ')}) u ` +
    `ORDER BY u."weight" DESC, u."albumId" DESC LIMIT ${k}`;
  // Every candidate comes back, flagged: `total` is then known even when none is kept.
  const sql =
    `SELECT c."albumId", c."weight", c."total", CASE WHEN EXISTS (SELECT 1 FROM "album_palette" q ` +
    `WHERE q."albumId" = c."albumId" AND q."hue" IN (${inWindow}) ` +
    `AND (q."weight" > c."weight" OR (q."weight" = c."weight" AND q."rank" < c."rank"))) THEN 0 ELSE 1 END AS "best" ` +
    `FROM (${top}) c ORDER BY c."weight" DESC, c."albumId" DESC`;
  const params = cursor ? window.flatMap(() => [cursor.weight, cursor.weight, cursor.albumId]) : [];
  const rows: Candidate[] = await db.query(dialectSql(db, sql), params);
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return {
    hits: rows
      .filter((r) => Number(r.best) === 1)
      .slice(0, want)
      .map((r) => ({ albumId: r.albumId, weight: Number(r.weight) })),
    more: total > k,
  };
}

interface Candidate {
  albumId: string;
  weight: number | string;
  total: number | string;
  best: number | string;
}
