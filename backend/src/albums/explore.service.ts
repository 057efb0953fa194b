import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AlbumCard, Page } from '@gallery/contracts';
import { In, Repository, type SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { AlbumEntity } from './album.entity';
import { AlbumsService } from './albums.service';
import type { ExploreQuery } from './explore-query';
import { StageColorEntity } from './stage-color.entity';

/** How far from the asked hue a colour may lie, either way round the colour circle. */
const HUE_SPREAD = 15;

/** Public artworks with a ready image: newest, most popular, or nearest a colour. */
@Injectable()
export class ExploreService {
  constructor(
    @InjectRepository(AlbumEntity) private readonly albums: Repository<AlbumEntity>,
    @InjectRepository(StageColorEntity) private readonly colors: Repository<StageColorEntity>,
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
      .take(query.limit + 1)
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
      .take(query.limit + 1)
      .getMany();
    return this.page(rows, query.limit, (a) => encodeCursor(a.hot, a.id));
  }

  /** Heaviest matching colour first; an artwork counts once, by its best stage. */
  private async byHue(hue: number, query: ExploreQuery): Promise<Page<AlbumCard>> {
    const lo = hue - HUE_SPREAD;
    const hi = hue + HUE_SPREAD;
    const qb = this.colors
      .createQueryBuilder('c')
      .select('c.albumId', 'albumId')
      .addSelect('MAX(c.weight)', 'weight')
      .innerJoin(AlbumEntity, 'a', 'a.id = c.albumId AND a.visibility = :public', { public: 'public' })
      .where('(c.hue BETWEEN :lo AND :hi OR c.hue BETWEEN :lo2 AND :hi2)', {
        lo: Math.max(lo, 0),
        hi: Math.min(hi, 359),
        // The part of the range that wraps past 0° or 359°, or an empty range.
        lo2: lo < 0 ? 360 + lo : hi > 359 ? 0 : 1,
        hi2: lo < 0 ? 359 : hi > 359 ? hi - 360 : 0,
      })
      .groupBy('c.albumId');
    if (query.cursor) {
      const { value, id } = decodeCursor(query.cursor);
      qb.having('(MAX(c.weight) < :w OR (MAX(c.weight) = :w AND c.albumId < :id))', { w: value, id });
    }
    const hits: { albumId: string; weight: number | string }[] = await qb
      .orderBy('weight', 'DESC')
      .addOrderBy('c.albumId', 'DESC')
      .limit(query.limit + 1)
      .getRawMany();
    const found = hits.length
      ? await this.albums.find({ where: { id: In(hits.map((h) => h.albumId)) }, relations: { owner: true } })
      : [];
    const byId = new Map(found.map((a) => [a.id, a]));
    const weight = new Map(hits.map((h) => [h.albumId, Number(h.weight)]));
    const rows = hits.map((h) => byId.get(h.albumId)).filter((a): a is AlbumEntity => !!a);
    return this.page(rows, query.limit, (a) => encodeCursor(weight.get(a.id)!, a.id));
  }

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
