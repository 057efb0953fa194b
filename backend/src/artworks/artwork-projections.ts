import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROOMS } from '@gallery/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainEvents } from '../events/domain-events';
import { RealtimeEmitter } from '../realtime/realtime-emitter';
import { normalize } from '../search-index/normalize';
import { SearchIndex } from '../search-index/search-index';
import { PinsService } from '../stages/pins.service';
import { StageMapper } from '../stages/stage.mapper';
import { StageEntity } from '../stages/stage.entity';
import { ArtworkEntity } from './artwork.entity';
import { refreshCover } from './cover';
import { syncPalette } from './palette';

/**
 * Everything derived from an artwork and its stages, kept in step by listening to the domain
 * events instead of being called by hand: the cover and its palette, the searchable text (in the
 * same transaction as the change), and the live `stage:updated` for the owner and watchers (once
 * committed). Runs in the api and in workers, wherever stages change.
 */
@Injectable()
export class ArtworkProjections implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEvents,
    private readonly index: SearchIndex,
    private readonly stages: StageMapper,
    private readonly pins: PinsService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  onModuleInit(): void {
    this.events.onInTransaction('artwork.changed', async ({ artworkId, what }, tx) => {
      if (what.includes('cover')) await refreshCover(tx, artworkId);
      else if (what.includes('visibility')) await syncPalette(tx, artworkId);
      // Visibility too: an index may keep whether the work is listed with its words (MariaDB's does).
      if (what.includes('created') || what.includes('text') || what.includes('visibility'))
        await this.indexText(tx, artworkId);
      if (what.includes('created') || what.includes('visibility')) await this.publishOnce(tx, artworkId);
    });
    this.events.onInTransaction('artwork.deleted', ({ artworkId }, tx) =>
      this.index.removeArtwork(tx, artworkId),
    );
    this.events.onInTransaction('stages.changed', async ({ artworkId, what }, tx) => {
      if (what === 'removed') await refreshCover(tx, artworkId);
      if (what === 'removed' || what === 'retitled') await this.indexText(tx, artworkId);
    });
    this.events.onInTransaction('stage.status', async ({ artworkId, status }, tx) => {
      if (status === 'ready') await refreshCover(tx, artworkId);
    });
    this.events.onCommitted('stage.status', ({ artworkId, stageId }) =>
      this.tellWatchers(artworkId, stageId),
    );
    // Who may watch changed: sockets that may no longer see the artwork leave its room, on every
    // instance (the gateway only checks at album:watch).
    this.events.onCommitted('artwork.changed', async ({ artworkId, what }) => {
      if (what.includes('visibility')) await this.dropWatchersWhoMayNotSee(artworkId);
    });
    this.events.onCommitted('artwork.deleted', ({ artworkId }) => {
      this.realtime.leave(ROOMS.album(artworkId));
    });
  }

  /** Keeps only the owner's sockets in the room of an artwork that is not public (any more). */
  private async dropWatchersWhoMayNotSee(artworkId: string): Promise<void> {
    const album = await this.db.manager.findOneBy(ArtworkEntity, { id: artworkId });
    if (!album) return this.realtime.leave(ROOMS.album(artworkId));
    if (album.visibility !== 'public')
      this.realtime.leave(ROOMS.album(artworkId), [ROOMS.user(album.ownerId)]);
  }

  /**
   * The first time an artwork is public (created public, or made public later) its painter's
   * followers hear of it: `artwork.published`, at most once per artwork (publishedAt guards it).
   */
  private async publishOnce(tx: EntityManager, artworkId: string): Promise<void> {
    const result = await tx
      .createQueryBuilder()
      .update(ArtworkEntity)
      .set({ publishedAt: Date.now(), updatedAt: () => 'updatedAt' })
      .where('id = :artworkId AND visibility = :public AND publishedAt IS NULL', {
        artworkId,
        public: 'public',
      })
      .execute();
    if (!result.affected) return;
    const album = await tx.findOneByOrFail(ArtworkEntity, { id: artworkId });
    await this.events.publish(tx, 'artwork.published', { artworkId, ownerId: album.ownerId });
  }

  /** An artwork's searchable text: its title, description and stage titles. */
  private async indexText(db: EntityManager, artworkId: string): Promise<void> {
    const album = await db.findOneBy(ArtworkEntity, { id: artworkId });
    if (!album) return this.index.removeArtwork(db, artworkId);
    const stages = await db.find(StageEntity, { where: { albumId: artworkId }, select: { title: true } });
    const text = normalize([album.title, album.description, ...stages.map((s) => s.title)].join(' '));
    await this.index.putArtwork(db, artworkId, text.slice(0, 60_000));
  }

  private async tellWatchers(artworkId: string, stageId: string): Promise<void> {
    const db = this.db.manager;
    const [album, stage, pins] = await Promise.all([
      db.findOneBy(ArtworkEntity, { id: artworkId }),
      db.findOneBy(StageEntity, { id: stageId }),
      this.pins.byStage([stageId]),
    ]);
    if (!album || !stage) return;
    this.realtime.toRooms([ROOMS.user(album.ownerId), ROOMS.album(album.id)], 'stage:updated', {
      ...this.stages.stage(stage, pins.get(stageId)),
      albumId: album.id,
    });
  }
}
