import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ROOMS, type Timelapse } from '@gallery/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { Repository } from 'typeorm';
import { ArtworkEntity } from '../artworks/artwork.entity';
import { DomainEvents } from '../events/domain-events';
import { renderTimelapse } from '../media/timelapse';
import { JobDispatcher } from '../queue/job-dispatcher';
import { JobQueue } from '../queue/job-queue';
import { RealtimeEmitter } from '../realtime/realtime-emitter';
import { MediaStorage } from '../storage/media-storage';
import { StageEntity } from '../stages/stage.entity';
import { TimelapseEntity } from './timelapse.entity';

/** Changes within this long collapse into one render (one delayed job per artwork). */
export const TIMELAPSE_DEBOUNCE_MS = 1500;

/**
 * The process films: rendered by a job (debounced per artwork) whenever a public artwork's stages
 * are added, removed, reordered or reprocessed, and removed with the artwork. Follows the domain
 * events, so no stage or artwork code calls it; runs wherever jobs run.
 */
@Injectable()
export class Timelapses implements OnModuleInit {
  private readonly logger = new Logger('Timelapses');

  constructor(
    @InjectRepository(TimelapseEntity) private readonly films: Repository<TimelapseEntity>,
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    @InjectRepository(ArtworkEntity) private readonly albums: Repository<ArtworkEntity>,
    private readonly storage: MediaStorage,
    private readonly events: DomainEvents,
    private readonly jobs: JobQueue,
    private readonly dispatcher: JobDispatcher,
    private readonly realtime: RealtimeEmitter,
  ) {}

  onModuleInit(): void {
    this.events.onCommitted('stages.changed', ({ artworkId, what }) =>
      what === 'retitled' ? Promise.resolve() : this.schedule(artworkId),
    );
    this.events.onCommitted('stage.status', ({ artworkId, status }) =>
      status === 'ready' ? this.schedule(artworkId) : Promise.resolve(),
    );
    this.events.onCommitted('artwork.changed', ({ artworkId, what }) =>
      what.includes('visibility') ? this.schedule(artworkId) : Promise.resolve(),
    );
    this.events.onInTransaction('artwork.deleted', async ({ artworkId }, tx) => {
      const film = await tx.findOneBy(TimelapseEntity, { albumId: artworkId });
      if (!film) return;
      await tx.delete(TimelapseEntity, { albumId: artworkId });
      const keys = [film.filmKey, film.posterKey].filter((k): k is string => !!k);
      if (keys.length) await this.jobs.add('delete-objects', { keys });
    });
    this.dispatcher.register('render-timelapse', ({ albumId }, attempt) =>
      this.render(albumId, attempt.final),
    );
  }

  schedule(albumId: string): Promise<void> {
    return this.jobs.add('render-timelapse', { albumId }, `timelapse-${albumId}`, {
      delayMs: TIMELAPSE_DEBOUNCE_MS,
    });
  }

  async render(albumId: string, finalAttempt = true): Promise<void> {
    const album = await this.albums.findOneBy({ id: albumId });
    if (!album) return;
    const ready = (await this.stages.find({ where: { albumId }, order: { position: 'ASC' } })).filter(
      (s) => s.status === 'ready' && s.previewKey,
    );
    const existing = await this.films.findOneBy({ albumId });
    if (album.visibility !== 'public' || ready.length < 2) {
      if (existing) await this.drop(album, existing);
      return;
    }
    const source = createHash('sha256')
      .update(ready.map((s) => `${s.id}:${s.previewKey}`).join('\n'))
      .digest('hex');
    if (existing?.status === 'ready' && existing.source === source) return;
    try {
      const previews = await Promise.all(
        ready.map(async (s) => buffer((await this.storage.get(s.previewKey!)).body)),
      );
      const film = await renderTimelapse(previews);
      const token = randomBytes(18).toString('base64url');
      const filmKey = `timelapses/${albumId}/${token}.webp`;
      const posterKey = `timelapses/${albumId}/${token}-poster.webp`;
      await this.storage.put(filmKey, film.film, 'image/webp');
      await this.storage.put(posterKey, film.poster, 'image/webp');
      if (!(await this.albums.existsBy({ id: albumId }))) {
        await Promise.all([this.storage.delete(filmKey), this.storage.delete(posterKey)]);
        return;
      }
      const row: TimelapseEntity = {
        albumId,
        status: 'ready',
        filmKey,
        posterKey,
        width: film.width,
        height: film.height,
        frames: film.frames,
        bytes: film.film.length,
        source,
        updatedAt: new Date(),
      };
      await this.films.upsert(row, ['albumId']);
      const old = [existing?.filmKey, existing?.posterKey].filter((k): k is string => !!k);
      if (old.length) await this.jobs.add('delete-objects', { keys: old });
      this.tell(album, row);
    } catch (err) {
      this.logger.warn(`timelapse ${albumId}: ${err instanceof Error ? err.message : String(err)}`);
      if (finalAttempt) {
        await this.films.upsert({ albumId, status: 'failed', updatedAt: new Date() }, ['albumId']);
        this.tell(album, (await this.films.findOneBy({ albumId }))!);
      }
      throw err;
    }
  }

  /** The API shape of a film row (or of no film). */
  present(film: TimelapseEntity | null): Timelapse {
    if (!film)
      return {
        status: 'none',
        url: null,
        posterUrl: null,
        width: 0,
        height: 0,
        frames: 0,
        bytes: 0,
        updatedAt: null,
      };
    const ready = film.status === 'ready' && film.filmKey && film.posterKey;
    return {
      status: film.status,
      url: ready ? this.storage.url(film.filmKey!) : null,
      posterUrl: ready ? this.storage.url(film.posterKey!) : null,
      width: film.width,
      height: film.height,
      frames: film.frames,
      bytes: film.bytes,
      updatedAt: film.updatedAt ? new Date(film.updatedAt).toISOString() : null,
    };
  }

  find(albumId: string): Promise<TimelapseEntity | null> {
    return this.films.findOneBy({ albumId });
  }

  private async drop(album: ArtworkEntity, film: TimelapseEntity): Promise<void> {
    await this.films.delete({ albumId: album.id });
    const keys = [film.filmKey, film.posterKey].filter((k): k is string => !!k);
    if (keys.length) await this.jobs.add('delete-objects', { keys });
    this.tell(album, null);
  }

  private tell(album: ArtworkEntity, film: TimelapseEntity | null): void {
    this.realtime.toRooms([ROOMS.user(album.ownerId), ROOMS.album(album.id)], 'timelapse:updated', {
      ...this.present(film),
      albumId: album.id,
    });
  }
}
