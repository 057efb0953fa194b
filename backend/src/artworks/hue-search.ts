import type { EntityManager } from 'typeorm';
import { keysetAfter } from '../common/cursor';
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
 * The 31 degrees of the window are cut into 7 bands (see hueBands): 8° and 2° bands of the
 * generated `hue8` / `hue2` columns and single degrees, each its own walk of a (band, weight,
 * albumId) index reading at most `k` rows, so the cost is bounded whatever the colour (one walk of
 * a weight-ordered index would scan everything for a hue nobody painted; a 30° band filtered to
 * the window, a whole band of other hues: 21 ms at 100k artworks). Each walk costs MariaDB a
 * derived table, so 7 instead of one per degree cut the page query from 3.6 to ~1 ms.
 * The heaviest `k` rows of the walks are candidates.
 * An artwork with two colours in the window counts once, at its heavier one: a candidate is
 * dropped when its artwork has a heavier colour in the window (the candidates are joined to
 * their artworks' few colours by primary key). That also keeps an artwork shown on
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
  const after = cursor ? `AND ${keysetAfter('p."weight"', 'p."albumId"')}` : '';
  const walk = ({ column, value }: HueBand, i: number): string =>
    `SELECT * FROM (SELECT p."albumId", p."weight", p."rank" FROM "album_palette" p WHERE p."${column}" = ${value} ${after} ` +
    `ORDER BY p."weight" DESC, p."albumId" DESC LIMIT ${k + 1}) w${i}`;
  const bands = hueBands(hue);
  // One candidate more than k: when it comes back, a bigger k could find more.
  const top =
    `SELECT u."albumId", u."weight", u."rank" FROM (${bands.map(walk).join(' UNION ALL ')}) u ` +
    `ORDER BY u."weight" DESC, u."albumId" DESC LIMIT ${k + 1}`;
  // Each candidate with its artwork's colours in the window (a primary-key range per candidate; a
  // joined lookup, because a correlated subquery per row cost MariaDB twice as much).
  const sql =
    `SELECT c."albumId", c."weight", c."rank", q."weight" AS "otherWeight", q."rank" AS "otherRank" FROM (${top}) c ` +
    `JOIN "album_palette" q ON q."albumId" = c."albumId" AND q."hue" IN (${inWindow}) ` +
    `ORDER BY c."weight" DESC, c."albumId" DESC, c."rank"`;
  const params = cursor ? bands.flatMap(() => [cursor.weight, cursor.weight, cursor.albumId]) : [];
  const rows: Candidate[] = await db.query(dialectSql(db, sql), params);
  // Rows come grouped by candidate; a candidate is its artwork's best colour when no colour of the
  // same artwork in the window is heavier (ties: the lower rank wins).
  const seen: { albumId: string; rank: number; weight: number; best: boolean }[] = [];
  for (const r of rows) {
    const weight = Number(r.weight);
    const rank = Number(r.rank);
    let c = seen.at(-1);
    if (!c || c.albumId !== r.albumId || c.rank !== rank)
      seen.push((c = { albumId: r.albumId, rank, weight, best: true }));
    const other = Number(r.otherWeight);
    if (other > weight || (other === weight && Number(r.otherRank) < rank)) c.best = false;
  }
  return {
    hits: seen
      .slice(0, k)
      .filter((c) => c.best)
      .slice(0, want)
      .map((c) => ({ albumId: c.albumId, weight: c.weight })),
    more: seen.length > k,
  };
}

/** One walk: the palette rows whose `column` (hue, or a band generated from it) equals `value`. */
export interface HueBand {
  column: 'hue' | 'hue2' | 'hue8';
  value: number;
}

/** Band widths, widest first, with their generated columns (`hue DIV width`, migration 1763845000000). */
const BANDS = [
  { width: 8, column: 'hue8' },
  { width: 2, column: 'hue2' },
  { width: 1, column: 'hue' },
] as const;

/**
 * The ±15° window round `hue` as whole bands, left to right: at each degree the widest band that
 * starts there and ends inside the window. 8 and 2 divide 360, so no band spans 359°→0°, and any
 * window takes exactly 7 walks.
 */
export function hueBands(hue: number): HueBand[] {
  const bands: HueBand[] = [];
  for (let x = hue - HUE_SPREAD; x <= hue + HUE_SPREAD;) {
    const degree = (x + 360) % 360;
    const band = BANDS.find((b) => degree % b.width === 0 && x + b.width - 1 <= hue + HUE_SPREAD)!;
    bands.push({ column: band.column, value: degree / band.width });
    x += band.width;
  }
  return bands;
}

interface Candidate {
  albumId: string;
  weight: number | string;
  rank: number | string;
  otherWeight: number | string;
  otherRank: number | string;
}
