import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AlbumCard, Page } from '@gallery/contracts';
import { In, Repository, type SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { AlbumEntity } from './album.entity';
import { AlbumsService } from './albums.service';
import type { ExploreQuery } from './explore-query';
import { hueHits } from './hue-search';

/** Public artworks with a ready image: newest, most popular, or nearest a colour. */
@Injectable()
export class ExploreService {
  constructor(
    @InjectRepository(AlbumEntity) private readonly albums: Repository<AlbumEntity>,
    private readonly albumsService: AlbumsService,
  ) {}

  explore(query: ExploreQuery): Promise<Page<AlbumCard>> {
    if (query.hue !== undefined) return this.byHue(query.hue, query);
    return query.sort === 'popular' ? this.popular(query) : this.recent(query);
  }

  private async recent(query: ExploreQuery): Promise<Page<AlbumCard>> {
    const qb = this.listed();
    if (query.cursor) qb.andWhere('a.id < :id', { id: decodeCursor(query.cursor).id });
    const rows = await qb
      .orderBy('a.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    return this.page(rows, query.limit, (a) => encodeCursor(0, a.id));
  }

  private async popular(query: ExploreQuery): Promise<Page<AlbumCard>> {
    const qb = this.listed();
    if (query.cursor) {
      const { value, id } = decodeCursor(query.cursor);
      qb.andWhere('(a.hot < :hot OR (a.hot = :hot AND a.id < :id))', { hot: value, id });
    }
    const rows = await qb
      .orderBy('a.hot', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    return this.page(rows, query.limit, (a) => encodeCursor(a.hot, a.id));
  }

  /** Heaviest matching cover colour first (see hueHits). */
  private async byHue(hue: number, query: ExploreQuery): Promise<Page<AlbumCard>> {
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const hits = await hueHits(
      this.albums.manager,
      hue,
      query.limit,
      cursor ? { weight: cursor.value, albumId: cursor.id } : null,
    );
    const found = hits.length
      ? await this.albums.find({ where: { id: In(hits.map((h) => h.albumId)) }, relations: { owner: true } })
      : [];
    const byId = new Map(found.map((a) => [a.id, a]));
    const weight = new Map(hits.map((h) => [h.albumId, h.weight]));
    const rows = hits.map((h) => byId.get(h.albumId)).filter((a): a is AlbumEntity => !!a);
    return this.page(rows, query.limit, (a) => encodeCursor(weight.get(a.id)!, a.id));
  }

  /**
   * Public works with a cover, owner joined. Callers page with limit(), not take(): take() on a
   * joined query makes TypeORM collect every matching id in a DISTINCT subquery before limiting
   * (seconds at 100k artworks); the owner join is many-to-one, so rows cannot repeat.
   */
  private listed(): SelectQueryBuilder<AlbumEntity> {
    return this.albums
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.owner', 'owner')
      .where('a.visibility = :public', { public: 'public' })
      .andWhere('a.coverStageId IS NOT NULL');
  }

  private async page(
    rows: AlbumEntity[],
    limit: number,
    cursorOf: (a: AlbumEntity) => string,
  ): Promise<Page<AlbumCard>> {
    const items = rows.slice(0, limit);
    return {
      items: await this.albumsService.cards(items),
      nextCursor: rows.length > limit ? cursorOf(items.at(-1)!) : null,
    };
  }
}
