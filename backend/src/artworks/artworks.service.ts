import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Artwork, ArtworkCard, Page } from '@gallery/contracts';
import { randomBytes } from 'node:crypto';
import { LessThan, Repository, type FindOptionsWhere } from 'typeorm';
import type { PageQuery } from '../common/pagination';
import { JobQueue } from '../queue/job-queue';
import { normalize } from '../search/normalize';
import { ListCache } from '../search/list-cache';
import { SearchIndexer } from '../search/search-indexer';
import { FavoriteEntity } from '../social/favorite.entity';
import { LikeEntity } from '../social/like.entity';
import { StageEntity } from '../stages/stage.entity';
import { MediaStorage } from '../storage/media-storage';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ArtworkCards } from './artwork-cards';
import { ArtworkEntity } from './artwork.entity';
import { ArtworkMapper } from './artwork.mapper';
import { refreshCover } from './cover';
import { syncPalette } from './palette';
import { hotScore } from './popularity';
import type { CreateArtworkDto, UpdateArtworkDto } from './dto';

@Injectable()
export class ArtworksService {
  readonly mapper: ArtworkMapper;

  constructor(
    @InjectRepository(ArtworkEntity) private readonly albums: Repository<ArtworkEntity>,
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    private readonly users: UsersService,
    private readonly jobs: JobQueue,
    private readonly search: SearchIndexer,
    private readonly cards: ArtworkCards,
    private readonly listCache: ListCache,
    storage: MediaStorage,
  ) {
    this.mapper = new ArtworkMapper(storage, users.mapper);
  }

  async create(owner: UserEntity, dto: CreateArtworkDto): Promise<Artwork> {
    const album = await this.albums.save(
      this.albums.create({
        ownerId: owner.id,
        title: dto.title,
        description: dto.description ?? '',
        visibility: dto.visibility ?? 'public',
        shareCode: randomBytes(12).toString('base64url'),
        titleNorm: normalize(dto.title).slice(0, 120),
        searchText: '',
        hot: hotScore(0, Date.now()),
      }),
    );
    await this.search.album(this.albums.manager, album.id);
    album.owner = owner;
    return this.mapper.album(album, [], owner.id);
  }

  /** Public artworks to anyone; unlisted ones only to their owner (404 to others). */
  async get(viewer: UserEntity | null, id: string): Promise<Artwork> {
    return this.present(viewer, await this.findVisibleOrThrow(viewer, id));
  }

  /** Anyone holding the share code sees the artwork, listed or not. */
  async getShared(viewer: UserEntity | null, shareCode: string): Promise<Artwork> {
    const album = await this.albums.findOne({ where: { shareCode }, relations: { owner: true } });
    if (!album) throw new NotFoundException('no artwork with that share link');
    return this.present(viewer, album);
  }

  /** The full artwork as the viewer sees it, with their like and favourite marks. */
  private async present(viewer: UserEntity | null, album: ArtworkEntity): Promise<Artwork> {
    const mine = { albumId: album.id, userId: viewer?.id ?? '' };
    const [stages, liked, favorited] = await Promise.all([
      this.stagesOf(album.id),
      viewer ? this.albums.manager.existsBy(LikeEntity, mine) : false,
      viewer ? this.albums.manager.existsBy(FavoriteEntity, mine) : false,
    ]);
    return {
      ...this.mapper.album(album, stages, viewer?.id ?? null),
      likedByMe: liked,
      favoritedByMe: favorited,
    };
  }

  async update(user: UserEntity, id: string, dto: UpdateArtworkDto): Promise<Artwork> {
    const album = await this.findOwned(user, id);
    if (dto.coverStageId) {
      const stage = await this.stages.findOneBy({ id: dto.coverStageId, albumId: id });
      if (!stage) throw new NotFoundException('that stage is not part of this artwork');
    }
    await this.albums.manager.transaction(async (tx) => {
      const changes: Partial<ArtworkEntity> = {};
      if (dto.title !== undefined)
        Object.assign(changes, { title: dto.title, titleNorm: normalize(dto.title).slice(0, 120) });
      if (dto.description !== undefined) changes.description = dto.description;
      if (dto.visibility !== undefined) changes.visibility = dto.visibility;
      if (dto.coverStageId !== undefined) {
        changes.coverStageId = dto.coverStageId;
        changes.coverPinned = dto.coverStageId !== null;
      }
      if (Object.keys(changes).length) await tx.update(ArtworkEntity, { id: album.id }, changes);
      if (dto.coverStageId !== undefined) await refreshCover(tx, album.id);
      else if (dto.visibility !== undefined) await syncPalette(tx, album.id);
      if (dto.title !== undefined || dto.description !== undefined) await this.search.album(tx, album.id);
    });
    // Again after the commit: a search between the first drop and the commit may have kept old ids.
    this.listCache.invalidate();
    return this.get(user, id);
  }

  /** Deletes the artwork now and its stored images through a job, so nothing is orphaned. */
  async remove(user: UserEntity, id: string): Promise<void> {
    const album = await this.findOwned(user, id);
    const stages = await this.stagesOf(album.id);
    await this.albums.manager.transaction(async (tx) => {
      await tx.delete(ArtworkEntity, { id: album.id });
      await this.search.removeArtwork(tx, album.id);
    });
    const keys = stages
      .flatMap((s) => [s.originalKey, s.thumbKey, s.previewKey])
      .filter((k): k is string => !!k);
    if (keys.length) await this.jobs.add('delete-objects', { keys });
  }

  /** A painter's artworks, newest first; others see only the public ones. */
  async listByOwner(
    viewer: UserEntity | null,
    username: string,
    page: PageQuery,
  ): Promise<Page<ArtworkCard>> {
    const owner = await this.users.findByUsername(username);
    if (!owner) throw new NotFoundException('no painter by that name');
    const where: FindOptionsWhere<ArtworkEntity> = { ownerId: owner.id };
    if (viewer?.id !== owner.id) where.visibility = 'public';
    if (page.cursor) where.id = LessThan(page.cursor);
    // Ids only, no join: the LIMIT applies to the (ownerId, …) index walk directly.
    const rows = await this.albums.find({
      select: { id: true },
      where,
      order: { id: 'DESC' },
      take: page.limit + 1,
    });
    const items = rows.slice(0, page.limit);
    return {
      items: await this.cards.byIds(
        items.map((a) => a.id),
        viewer?.id ?? null,
      ),
      nextCursor: rows.length > page.limit ? items.at(-1)!.id : null,
    };
  }

  /** For the realtime gateway's album:watch. */
  async canView(userId: string | null, albumId: string): Promise<boolean> {
    const album = await this.albums.findOneBy({ id: albumId });
    return !!album && (album.visibility === 'public' || album.ownerId === userId);
  }

  /** The album if the user may change it: 404 when hidden from them, 403 when only visible. */
  async findOwned(user: UserEntity, id: string): Promise<ArtworkEntity> {
    const album = await this.findVisibleOrThrow(user, id);
    if (album.ownerId !== user.id) throw new ForbiddenException('only the painter can change this artwork');
    return album;
  }

  /** The album if the viewer may see it, else 404 (unlisted works are hidden, not forbidden). */
  async findVisibleOrThrow(viewer: UserEntity | null, id: string): Promise<ArtworkEntity> {
    const album = await this.albums.findOne({ where: { id }, relations: { owner: true } });
    if (!album || (album.visibility === 'unlisted' && album.ownerId !== viewer?.id)) {
      throw new NotFoundException('no artwork here');
    }
    return album;
  }

  private stagesOf(albumId: string): Promise<StageEntity[]> {
    return this.stages.find({ where: { albumId }, order: { position: 'ASC' } });
  }
}
