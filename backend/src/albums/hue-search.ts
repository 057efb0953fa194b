import type { EntityManager } from 'typeorm';
import { AlbumPaletteEntity } from './album-palette.entity';

/** How far from the asked hue a colour may lie, either way round the colour circle. */
export const HUE_SPREAD = 15;

export interface HueHit {
  albumId: string;
  weight: number;
}

/**
 * Public artworks whose cover has a colour within ±15° of `hue`, heaviest first, after the
 * (weight, albumId) cursor. Each degree of the window is its own index walk (hue, weight, albumId)
 * reading at most `want` rows; the walks are merged here. An artwork with two colours in the window
 * counts once, at its heavier one: a row that is not its artwork's best is skipped, which also
 * keeps an artwork shown on an earlier page from coming back on a later one.
 */
export async function hueHits(
  db: EntityManager,
  hue: number,
  limit: number,
  cursor: { weight: number; albumId: string } | null,
): Promise<HueHit[]> {
  const window = Array.from({ length: 2 * HUE_SPREAD + 1 }, (_, i) => (hue - HUE_SPREAD + i + 360) % 360);
  for (let want = limit + 1; ; want *= 4) {
    const rows = await walks(db, window, want, cursor);
    const best = await bestInWindow(db, [...new Set(rows.map((r) => r.albumId))], window);
    const hits: HueHit[] = [];
    for (const row of rows) {
      if (best.get(row.albumId) !== row.weight || hits.some((h) => h.albumId === row.albumId)) continue;
      hits.push(row);
      if (hits.length === limit + 1) return hits;
    }
    // Fewer than a page of artworks: either there are no more, or skipped rows crowded them out.
    if (rows.length < want) return hits;
  }
}

async function walks(
  db: EntityManager,
  window: number[],
  want: number,
  cursor: { weight: number; albumId: string } | null,
): Promise<HueHit[]> {
  const after = cursor ? 'AND ("weight" < ? OR ("weight" = ? AND "albumId" < ?))' : '';
  const walk = `SELECT "albumId", "weight" FROM (SELECT "albumId", "weight" FROM "album_palette" WHERE "hue" = ? ${after} ORDER BY "weight" DESC, "albumId" DESC LIMIT ${want}) w`;
  const sql = window.map((_, i) => walk.replace(') w', `) w${i}`)).join(' UNION ALL ');
  const params = window.flatMap((h) => (cursor ? [h, cursor.weight, cursor.weight, cursor.albumId] : [h]));
  const quoted = db.connection.driver.options.type === 'mysql' ? sql.replace(/"/g, '`') : sql;
  const rows: { albumId: string; weight: number | string }[] = await db.query(quoted, params);
  return rows
    .map((r) => ({ albumId: r.albumId, weight: Number(r.weight) }))
    .sort((a, b) => b.weight - a.weight || (a.albumId < b.albumId ? 1 : a.albumId > b.albumId ? -1 : 0));
}

/** Each artwork's heaviest colour inside the window. */
async function bestInWindow(
  db: EntityManager,
  albumIds: string[],
  window: number[],
): Promise<Map<string, number>> {
  if (!albumIds.length) return new Map();
  const rows = await db
    .getRepository(AlbumPaletteEntity)
    .createQueryBuilder('p')
    .select('p.albumId', 'albumId')
    .addSelect('MAX(p.weight)', 'weight')
    .where('p.albumId IN (:...albumIds)', { albumIds })
    .andWhere('p.hue IN (:...window)', { window })
    .groupBy('p.albumId')
    .getRawMany<{ albumId: string; weight: number | string }>();
  return new Map(rows.map((r) => [r.albumId, Number(r.weight)]));
}
