import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Album, AlbumCard, Page } from '@gallery/contracts';
import { randomBytes } from 'node:crypto';
import { In, LessThan, Repository, type FindOptionsWhere } from 'typeorm';
import type { PageQuery } from '../common/pagination';
import { JobQueue } from '../queue/job-queue';
import { StageEntity } from '../stages/stage.entity';
import { MediaStorage } from '../storage/media-storage';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AlbumEntity } from './album.entity';
import { AlbumMapper } from './album.mapper';
import { refreshCover } from './cover';
import type { CreateAlbumDto, UpdateAlbumDto } from './dto';

@Injectable()
export class AlbumsService {
  readonly mapper: AlbumMapper;

  constructor(
    @InjectRepository(AlbumEntity) private readonly albums: Repository<AlbumEntity>,
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    private readonly users: UsersService,
    private readonly jobs: JobQueue,
    storage: MediaStorage,
  ) {
    this.mapper = new AlbumMapper(storage, users.mapper);
  }

  async create(owner: UserEntity, dto: CreateAlbumDto): Promise<Album> {
    const album = await this.albums.save(
      this.albums.create({
        ownerId: owner.id,
        title: dto.title,
        description: dto.description ?? '',
        visibility: dto.visibility ?? 'public',
        shareCode: randomBytes(12).toString('base64url'),
      }),
    );
    album.owner = owner;
    return this.mapper.album(album, [], owner.id);
  }

  /** Public artworks to anyone; unlisted ones only to their owner (404 to others). */
  async get(viewer: UserEntity | null, id: string): Promise<Album> {
    const album = await this.findVisible(viewer, id);
    return this.mapper.album(album, await this.stagesOf(album.id), viewer?.id ?? null);
  }

  /** Anyone holding the share code sees the artwork, listed or not. */
  async getShared(viewer: UserEntity | null, shareCode: string): Promise<Album> {
    const album = await this.albums.findOne({ where: { shareCode }, relations: { owner: true } });
    if (!album) throw new NotFoundException('no artwork with that share link');
    return this.mapper.album(album, await this.stagesOf(album.id), viewer?.id ?? null);
  }

  async update(user: UserEntity, id: string, dto: UpdateAlbumDto): Promise<Album> {
    const album = await this.findOwned(user, id);
    if (dto.coverStageId) {
      const stage = await this.stages.findOneBy({ id: dto.coverStageId, albumId: id });
      if (!stage) throw new NotFoundException('that stage is not part of this artwork');
    }
    await this.albums.manager.transaction(async (tx) => {
      const changes: Partial<AlbumEntity> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.description !== undefined) changes.description = dto.description;
      if (dto.visibility !== undefined) changes.visibility = dto.visibility;
      if (dto.coverStageId !== undefined) {
        changes.coverStageId = dto.coverStageId;
        changes.coverPinned = dto.coverStageId !== null;
      }
      if (Object.keys(changes).length) await tx.update(AlbumEntity, { id: album.id }, changes);
      if (dto.coverStageId !== undefined) await refreshCover(tx, album.id);
    });
    return this.get(user, id);
  }

  /** Deletes the artwork now and its stored images through a job, so nothing is orphaned. */
  async remove(user: UserEntity, id: string): Promise<void> {
    const album = await this.findOwned(user, id);
    const stages = await this.stagesOf(album.id);
    await this.albums.delete({ id: album.id });
    const keys = stages
      .flatMap((s) => [s.originalKey, s.thumbKey, s.previewKey])
      .filter((k): k is string => !!k);
    if (keys.length) await this.jobs.add('delete-objects', { keys });
  }

  /** A painter's artworks, newest first; others see only the public ones. */
  async listByOwner(viewer: UserEntity | null, username: string, page: PageQuery): Promise<Page<AlbumCard>> {
    const owner = await this.users.findByUsername(username);
    if (!owner) throw new NotFoundException('no painter by that name');
    const where: FindOptionsWhere<AlbumEntity> = { ownerId: owner.id };
    if (viewer?.id !== owner.id) where.visibility = 'public';
    if (page.cursor) where.id = LessThan(page.cursor);
    const rows = await this.albums.find({
      where,
      order: { id: 'DESC' },
      take: page.limit + 1,
      relations: { owner: true },
    });
    const items = rows.slice(0, page.limit);
    return { items: await this.cards(items), nextCursor: rows.length > page.limit ? items.at(-1)!.id : null };
  }

  /** Cards with their cover images, in one query for all covers. */
  async cards(albums: AlbumEntity[]): Promise<AlbumCard[]> {
    const coverIds = albums.map((a) => a.coverStageId).filter((id): id is string => !!id);
    const covers = coverIds.length ? await this.stages.findBy({ id: In(coverIds) }) : [];
    const byId = new Map(covers.map((s) => [s.id, s]));
    return albums.map((a) => this.mapper.card(a, a.coverStageId ? byId.get(a.coverStageId) : undefined));
  }

  /** For the realtime gateway's album:watch. */
  async canView(userId: string | null, albumId: string): Promise<boolean> {
    const album = await this.albums.findOneBy({ id: albumId });
    return !!album && (album.visibility === 'public' || album.ownerId === userId);
  }

  /** The album if the user may change it: 404 when hidden from them, 403 when only visible. */
  async findOwned(user: UserEntity, id: string): Promise<AlbumEntity> {
    const album = await this.findVisible(user, id);
    if (album.ownerId !== user.id) throw new ForbiddenException('only the painter can change this artwork');
    return album;
  }

  private async findVisible(viewer: UserEntity | null, id: string): Promise<AlbumEntity> {
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
