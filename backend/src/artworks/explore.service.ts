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

/** Public works with a cover: what explore lists. */
const LISTED = `a."visibility" = 'public' AND a."coverStageId" IS NOT NULL AND ${notModerated('a')}`;

/** Public artworks with a ready image: newest, most popular, or nearest a colour. */
@Injectable()
export class ExploreService {
  /** Each page is one query (artwork, painter and cover joined), its SQL built once. */
  private readonly sql: Record<'recent' | 'recentAfter' | 'popular' | 'popularAfter', string>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cards: ArtworkCards,
    private readonly listCache: ListCache,
  ) {
    const page = (after: string, order: string, hint = '') =>
      dialectSql(
        db,
        cardListSql(
          `SELECT a."id", a."hot" AS "sortValue" FROM "albums" a ${hint} WHERE ${LISTED} ${after} ORDER BY ${order} LIMIT ?`,
          order.replace(/a\."hot"/, 'p."sortValue"'),
        ),
      );
    const recent = 'a."id" DESC';
    const popular = 'a."hot" DESC, a."id" DESC';
    this.sql = {
      recent: page('', recent),
      recentAfter: page('AND a."id" < ?', recent),
      popular: page('', popular),
      popularAfter: page(
        `AND ${keysetAfter('a."hot"', 'a."id"')}`,
        popular,
        forceIndex(db, 'IDX_albums_public_hot'),
      ),
    };
  }

  explore(query: ExploreQuery, viewerId: string | null): Promise<Page<ArtworkCard>> {
    if (query.hue !== undefined) return this.byHue(query.hue, query, viewerId);
    return query.sort === 'popular' ? this.popular(query, viewerId) : this.recent(query, viewerId);
  }

  private async recent(query: ExploreQuery, viewerId: string | null): Promise<Page<ArtworkCard>> {
    const after = query.cursor ? decodeCursor(query.cursor).id : null;
    const rows = after
      ? await this.cards.rows(this.sql.recentAfter, [after, query.limit + 1])
      : await this.cards.rows(this.sql.recent, [query.limit + 1]);
    return this.cards.page(rows, query.limit, viewerId, (a) => encodeCursor(0, a.id));
  }

  private async popular(query: ExploreQuery, viewerId: string | null): Promise<Page<ArtworkCard>> {
    let rows: (CardRow & { sortValue: number })[];
    if (query.cursor) {
      const { value, id } = decodeCursor(query.cursor);
      rows = await this.cards.rows(this.sql.popularAfter, [value, value, id, query.limit + 1]);
    } else rows = await this.cards.rows(this.sql.popular, [query.limit + 1]);
    return this.cards.page(rows, query.limit, viewerId, (a) => encodeCursor(Number(a.sortValue), a.id));
  }

  /** Heaviest matching cover colour first (see hueHits). */
  private async byHue(hue: number, query: ExploreQuery, viewerId: string | null): Promise<Page<ArtworkCard>> {
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const hits = await this.listCache.get(`hue:${hue}:${query.limit}:${query.cursor ?? ''}`, () =>
      hueHits(
        this.db.manager,
        hue,
        query.limit + 1,
        cursor ? { weight: cursor.value, albumId: cursor.id } : null,
      ),
    );
    const page = hits.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: await this.cards.byIds(
        page.map((h) => h.albumId),
        viewerId,
        true,
      ),
      nextCursor: hits.length > query.limit && last ? encodeCursor(last.weight, last.albumId) : null,
    };
  }
}
