import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Artwork, ArtworkCard, Page } from '@gallery/contracts';
import { randomBytes } from 'node:crypto';
import { IsNull, LessThan, Repository, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { decodeIdCursor } from '../common/cursor';
import type { PageQuery } from '../common/pagination';
import { DomainEvents } from '../events/domain-events';
import { dialectSql } from '../database/dialect';
import { normalize } from '../search-index/normalize';
import { PinsService } from '../stages/pins.service';
import { StagesService } from '../stages/stages.service';
import { BlocksService } from '../users/blocks.service';
import { UsersService } from '../users/users.service';
import { ArtworkCards } from './artwork-cards';
import { isModerated, notModerated } from './artwork-moderation';
import { ArtworkEntity } from './artwork.entity';
import { ArtworkErrors } from './artwork.errors';
import { ArtworkMapper } from './artwork.mapper';
import { ArtworkRows } from './artwork-rows';
import { hotScore } from './popularity';
import type { CreateArtworkDto, UpdateArtworkDto } from './dto';

@Injectable()
export class ArtworksService {
  constructor(
    @InjectRepository(ArtworkEntity) private readonly albums: Repository<ArtworkEntity>,
    private readonly stages: StagesService,
    private readonly pins: PinsService,
    private readonly users: UsersService,
    private readonly blocks: BlocksService,
    private readonly cards: ArtworkCards,
    private readonly mapper: ArtworkMapper,
    private readonly rows: ArtworkRows,
    private readonly events: DomainEvents,
  ) {}

  async create(owner: AuthUser, dto: CreateArtworkDto): Promise<Artwork> {
    const album = await this.albums.manager.transaction(async (tx) => {
      const saved = await tx.save(
        tx.create(ArtworkEntity, {
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
      await this.events.publish(tx, 'artwork.changed', { artworkId: saved.id, what: ['created'] });
      return saved;
    });
    return this.get(owner, album.id);
  }

  /** Public artworks to anyone; unlisted ones only to their owner (404 to others). */
  async get(viewer: AuthUser | null, id: string): Promise<Artwork> {
    const [loaded, marks] = await Promise.all([
      this.rows.load(id),
      viewer ? this.cards.marks(viewer.id, [id]) : null,
    ]);
    if (!loaded || !mayView(viewer, loaded.artwork, loaded.artwork.owner)) throw ArtworkErrors.notFound();
    if (viewer && (await this.blocks.hasBlocked(loaded.artwork.ownerId, viewer.id)))
      throw ArtworkErrors.notFound();
    return {
      ...this.mapper.artwork(
        loaded.artwork,
        loaded.stages,
        loaded.pins,
        viewer?.id ?? null,
        viewer?.role === 'admin',
      ),
      likedByMe: marks?.liked.has(id) ?? false,
      favoritedByMe: marks?.favorited.has(id) ?? false,
    };
  }

  /** Anyone holding the share code sees the artwork, listed or not. */
  async getShared(viewer: AuthUser | null, shareCode: string): Promise<Artwork> {
    const album = await this.albums.findOne({ where: { shareCode }, relations: { owner: true } });
    if (!album || !mayView(viewer, { ...album, visibility: 'public' }, album.owner)) {
      throw ArtworkErrors.sharedNotFound();
    }
    return this.present(viewer, album);
  }

  /** The full artwork as the viewer sees it, with their like and favourite marks. */
  private async present(viewer: AuthUser | null, album: ArtworkEntity): Promise<Artwork> {
    const [stages, marks] = await Promise.all([
      this.stages.listOf(album.id),
      viewer ? this.cards.marks(viewer.id, [album.id]) : null,
    ]);
    const pins = await this.pins.byStage(stages.map((s) => s.id));
    return {
      ...this.mapper.artwork(album, stages, pins, viewer?.id ?? null, viewer?.role === 'admin'),
      likedByMe: marks?.liked.has(album.id) ?? false,
      favoritedByMe: marks?.favorited.has(album.id) ?? false,
    };
  }

  async update(user: AuthUser, id: string, dto: UpdateArtworkDto): Promise<Artwork> {
    const album = await this.findOwned(user, id);
    if (dto.coverStageId && !(await this.stages.exists(id, dto.coverStageId))) {
      throw ArtworkErrors.coverNotInArtwork();
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
      if (dto.commentsOff !== undefined) changes.commentsOff = dto.commentsOff;
      if (dto.critiqueWanted !== undefined) changes.critiqueWanted = dto.critiqueWanted;
      if (!Object.keys(changes).length) return;
      await tx.update(ArtworkEntity, { id: album.id }, changes);
      // Comment settings alone change nothing derived: no event.
      const what = [
        ...(dto.title !== undefined || dto.description !== undefined ? (['text'] as const) : []),
        ...(dto.visibility !== undefined ? (['visibility'] as const) : []),
        ...(dto.coverStageId !== undefined ? (['cover'] as const) : []),
      ];
      if (what.length) await this.events.publish(tx, 'artwork.changed', { artworkId: album.id, what });
    });
    return this.get(user, id);
  }

  /** Deletes the artwork now and its stored images through the deletion outbox, so nothing is orphaned. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const album = await this.findOwned(user, id);
    const deletions = await this.albums.manager.transaction(async (tx) => {
      const ids = await this.stages.recordObjectsOf(tx, album.id);
      await tx.delete(ArtworkEntity, { id: album.id });
      await this.events.publish(tx, 'artwork.deleted', { artworkId: album.id });
      return ids;
    });
    await this.stages.dispatchDeletions(deletions);
  }

  /** A painter's artworks, newest first; others see only the public ones. */
  async listByOwner(viewer: AuthUser | null, username: string, page: PageQuery): Promise<Page<ArtworkCard>> {
    const owner = await this.users.findByUsername(username);
    // A suspended painter's page is gone for everyone else, like their works.
    if (!owner || (owner.suspendedAt !== null && viewer?.id !== owner.id))
      throw ArtworkErrors.painterNotFound();
    if (viewer && (await this.blocks.hasBlocked(owner.id, viewer.id))) throw ArtworkErrors.painterNotFound();
    const where: FindOptionsWhere<ArtworkEntity> = { ownerId: owner.id };
    if (viewer?.id !== owner.id) Object.assign(where, { visibility: 'public', hiddenAt: IsNull() });
    if (page.cursor) where.id = LessThan(decodeIdCursor(page.cursor));
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

  /**
   * A moderator hides (reason) or unhides (null) an artwork, inside their transaction: out of every
   * list, search and lookup for everyone but its owner. The owner's own visibility setting is kept,
   * so unhiding restores exactly what was there. The caller evicts watchers once committed.
   */
  async setHidden(tx: EntityManager, id: string, reason: string | null): Promise<ArtworkEntity> {
    const album = await tx.findOneBy(ArtworkEntity, { id });
    if (!album) throw ArtworkErrors.notFound();
    album.hiddenAt = reason === null ? null : Date.now();
    album.hiddenReason = reason;
    await tx.update(ArtworkEntity, { id }, { hiddenAt: album.hiddenAt, hiddenReason: reason });
    // Palette (colour browse), list caches and the timelapse follow visibility changes.
    await this.events.publish(tx, 'artwork.changed', { artworkId: id, what: ['visibility'] });
    return album;
  }

  /** The artwork with its owner whatever its visibility (moderation). */
  findForModerator(id: string): Promise<ArtworkEntity | null> {
    return this.albums.findOne({ where: { id }, relations: { owner: true } });
  }

  /** For the realtime gateway's album:watch. */
  async canView(userId: string | null, albumId: string): Promise<boolean> {
    const album = await this.albums.findOne({ where: { id: albumId }, relations: { owner: true } });
    return !!album && mayView(userId ? { id: userId } : null, album, album.owner);
  }

  /** The artwork if the user may change it: 404 when hidden from them, 403 when only visible. */
  async findOwned(user: AuthUser, id: string): Promise<ArtworkEntity> {
    const album = await this.findVisibleOrThrow(user, id);
    if (album.ownerId !== user.id) throw ArtworkErrors.notOwner();
    return album;
  }

  /** The artwork if the viewer may see it, else 404 (unlisted works are hidden, not forbidden). */
  async findVisibleOrThrow(viewer: AuthUser | null, id: string): Promise<ArtworkEntity> {
    const album = await this.findVisible(viewer, id);
    if (!album) throw ArtworkErrors.notFound();
    return album;
  }

  /** The artwork (with its owner) if the viewer may see it, else null: for callers with their own 404. */
  async findVisible(viewer: AuthUser | null, id: string): Promise<ArtworkEntity | null> {
    const album = await this.albums.findOne({ where: { id }, relations: { owner: true } });
    return album && mayView(viewer, album, album.owner) ? album : null;
  }

  /**
   * Takes the artwork row's write lock for the rest of the transaction (InnoDB row lock; SQLite
   * serialises writers anyway) and bumps updatedAt: a stage change is painter activity.
   */
  async lock(tx: EntityManager, albumId: string, changes: Partial<ArtworkEntity> = {}): Promise<void> {
    await tx.update(ArtworkEntity, { id: albumId }, { updatedAt: new Date(), ...changes });
  }

  /** Runs `work` in one transaction; domain events published in it fire once it commits. */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.albums.manager.transaction(work);
  }

  /** Public artworks for the sitemap, latest change first, with their painter's username. */
  publicIndex(limit: number): Promise<{ id: string; username: string; updatedAt: Date | string }[]> {
    return (
      this.albums
        .createQueryBuilder('a')
        .innerJoin('a.owner', 'u')
        .select(['a.id AS id', 'a.updatedAt AS updatedAt', 'u.username AS username'])
        .where("a.visibility = 'public'")
        // Hidden works and suspended painters' ones stay out of the sitemap, as out of every list.
        .andWhere(dialectSql(this.albums.manager, notModerated('a')))
        .orderBy('a.updatedAt', 'DESC')
        .limit(limit)
        .getRawMany()
    );
  }
}

/**
 * Who sees an artwork: its owner always; admins always (to moderate it); anyone else a public one
 * (share links pass it as public) that no moderator hid and whose painter is not suspended.
 */
function mayView(
  viewer: { id: string; role?: string } | null,
  album: { ownerId: string; visibility: string; hiddenAt: number | null },
  owner: { suspendedAt?: number | null } | null,
): boolean {
  if (viewer && (viewer.id === album.ownerId || viewer.role === 'admin')) return true;
  return album.visibility === 'public' && !isModerated(album, { suspendedAt: owner?.suspendedAt ?? null });
}
