import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ArtworkCard, Page } from '@gallery/contracts';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, keysetAfter } from '../common/cursor';
import { dialectSql, forceIndex } from '../database/dialect';
import { ListCache } from '../search-index/list-cache';
import { ArtworkCards, cardListSql, type CardRow } from './artwork-cards';
import type { ExploreQuery } from './explore-query';
import { notModerated } from './artwork-moderation';
import { hueHits } from './hue-search';
import { noBlockBetween } from '../users/block-sql';

/** Public works with a cover: what explore lists. */
const LISTED = `a."visibility" = 'public' AND a."coverStageId" IS NOT NULL AND ${notModerated('a')}`;

/** How many more cached colour pages a signed-in viewer's blocks may pull in to fill one page. */
const MAX_FILL_ROUNDS = 4;

type Sorts = 'recent' | 'recentAfter' | 'popular' | 'popularAfter';

/**
 * Public artworks with a ready image: newest, most popular, or nearest a colour. A signed-in
 * viewer never sees works of painters they blocked or who blocked them: recent and popular filter
 * inside the paging query (so pages stay full and cursors exact), the colour browse after its
 * shared cached ids (see byHue). Signed out, the queries carry no block clause at all.
 */
@Injectable()
export class ExploreService {
  /** Each page is one query (artwork, painter and cover joined), its SQL built once per audience. */
  private readonly sql: Record<'anonymous' | 'viewer', Record<Sorts, string>>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cards: ArtworkCards,
    private readonly listCache: ListCache,
  ) {
    const build = (blocks: string): Record<Sorts, string> => {
      const page = (after: string, order: string, hint = '') =>
        dialectSql(
          db,
          cardListSql(
            `SELECT a."id", a."hot" AS "sortValue" FROM "albums" a ${hint} WHERE ${LISTED} ${blocks} ${after} ORDER BY ${order} LIMIT ?`,
            order.replace(/a\."hot"/, 'p."sortValue"'),
          ),
        );
      const recent = 'a."id" DESC';
      const popular = 'a."hot" DESC, a."id" DESC';
      return {
        recent: page('', recent),
        recentAfter: page('AND a."id" < ?', recent),
        popular: page('', popular),
        popularAfter: page(
          `AND ${keysetAfter('a."hot"', 'a."id"')}`,
          popular,
          forceIndex(db, 'IDX_albums_public_hot'),
        ),
      };
    };
    this.sql = { anonymous: build(''), viewer: build(`AND ${noBlockBetween('a."ownerId"')}`) };
  }

  explore(query: ExploreQuery, viewerId: string | null): Promise<Page<ArtworkCard>> {
    if (query.hue !== undefined) return this.byHue(query.hue, query, viewerId);
    return query.sort === 'popular' ? this.popular(query, viewerId) : this.recent(query, viewerId);
  }

  /** The viewer's SQL and its leading parameters (the block clause's two viewer ids). */
  private audience(viewerId: string | null): [Record<Sorts, string>, unknown[]] {
    return viewerId ? [this.sql.viewer, [viewerId, viewerId]] : [this.sql.anonymous, []];
  }

  private async recent(query: ExploreQuery, viewerId: string | null): Promise<Page<ArtworkCard>> {
    const [sql, params] = this.audience(viewerId);
    const after = query.cursor ? decodeCursor(query.cursor).id : null;
    const rows = after
      ? await this.cards.rows(sql.recentAfter, [...params, after, query.limit + 1])
      : await this.cards.rows(sql.recent, [...params, query.limit + 1]);
    return this.cards.page(rows, query.limit, viewerId, (a) => encodeCursor(0, a.id));
  }

  private async popular(query: ExploreQuery, viewerId: string | null): Promise<Page<ArtworkCard>> {
    const [sql, params] = this.audience(viewerId);
    let rows: (CardRow & { sortValue: number })[];
    if (query.cursor) {
      const { value, id } = decodeCursor(query.cursor);
      rows = await this.cards.rows(sql.popularAfter, [...params, value, value, id, query.limit + 1]);
    } else rows = await this.cards.rows(sql.popular, [...params, query.limit + 1]);
    return this.cards.page(rows, query.limit, viewerId, (a) => encodeCursor(Number(a.sortValue), a.id));
  }

  /**
   * Heaviest matching cover colour first (see hueHits). The hits are cached per (hue, limit,
   * cursor) and shared by every viewer; the cards are read per viewer, which drops works hidden
   * since and, signed in, blocked painters'. When that leaves the page short, the next cached
   * page fills it (at most MAX_FILL_ROUNDS more), and the cursor is the last hit looked at, shown
   * or not: nothing is skipped or shown twice, and a viewer without blocks reads exactly the
   * shared entries. A viewer whose blocks empty more than that many pages gets a short page
   * with a cursor.
   */
  private async byHue(hue: number, query: ExploreQuery, viewerId: string | null): Promise<Page<ArtworkCard>> {
    const items: ArtworkCard[] = [];
    let key = query.cursor ?? '';
    let cursor = query.cursor ? decodeCursor(query.cursor) : null;
    for (let round = 0; ; round++) {
      const from = cursor ? { weight: cursor.value, albumId: cursor.id } : null;
      const hits = await this.listCache.get(`hue:${hue}:${query.limit}:${key}`, () =>
        hueHits(this.db.manager, hue, query.limit + 1, from),
      );
      const page = hits.slice(0, query.limit);
      const cards = await this.cards.byIds(
        page.map((h) => h.albumId),
        viewerId,
        { publicOnly: true, eitherBlock: true },
      );
      const byId = new Map(cards.map((c) => [c.id, c]));
      for (const [i, hit] of page.entries()) {
        const card = byId.get(hit.albumId);
        if (card) items.push(card);
        if (items.length === query.limit) {
          const more = i < page.length - 1 || hits.length > query.limit;
          return { items, nextCursor: more ? encodeCursor(hit.weight, hit.albumId) : null };
        }
      }
      const last = page.at(-1);
      if (!last || hits.length <= query.limit) return { items, nextCursor: null };
      key = encodeCursor(last.weight, last.albumId);
      if (round === MAX_FILL_ROUNDS) return { items, nextCursor: key };
      cursor = { value: last.weight, id: last.albumId };
    }
  }
}
