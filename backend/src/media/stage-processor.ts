import { Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ROOMS } from '@gallery/contracts';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Repository } from 'typeorm';
import { ArtworkMapper } from '../artworks/artwork.mapper';
import { ArtworkEntity } from '../artworks/artwork.entity';
import { refreshCover } from '../artworks/cover';
import { StageColorEntity } from '../artworks/stage-color.entity';
import { JobDispatcher } from '../queue/job-dispatcher';
import type { JobAttempt } from '../queue/jobs';
import { RealtimeEmitter } from '../realtime/realtime-emitter';
import { ListCache } from '../search/list-cache';
import { StageEntity } from '../stages/stage.entity';
import { MediaStorage } from '../storage/media-storage';
import { UserMapper } from '../users/user.mapper';
import { ImageRejectedError, processImage } from './image-pipeline';

const TRANSIENT_FAILURE =
  "We couldn't process this image right now. Retry, or delete it and upload it again.";

/** Derived images sit beside the original under the same unguessable token. */
export function derivedKeys(originalKey: string): { thumbKey: string; previewKey: string } {
  const base = originalKey.replace(/^originals\//, '').replace(/\.[a-z0-9]+$/i, '');
  return { thumbKey: `thumbs/${base}.webp`, previewKey: `previews/${base}.webp` };
}

/**
 * Turns an uploaded original into what viewers see. Runs wherever jobs are consumed (the api in
 * embedded mode, `npm run worker` processes in production). Idempotent: output keys derive from
 * the original's, so a job that runs twice (a stalled worker, a recovery) overwrites, not orphans.
 */
@Injectable()
export class StageProcessor implements OnModuleInit {
  private readonly logger = new Logger('StageProcessor');
  private readonly mapper: ArtworkMapper;

  constructor(
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    private readonly storage: MediaStorage,
    private readonly dispatcher: JobDispatcher,
    private readonly realtime: RealtimeEmitter,
    @Optional() private readonly listCache?: ListCache,
  ) {
    this.mapper = new ArtworkMapper(storage, new UserMapper(storage));
  }

  onModuleInit(): void {
    this.dispatcher.register('process-stage', ({ stageId }, attempt) => this.process(stageId, attempt));
    this.dispatcher.register('delete-objects', async ({ keys }) => {
      await Promise.all(keys.map((key) => this.storage.delete(key)));
    });
  }

  async process(stageId: string, attempt: JobAttempt): Promise<void> {
    const stage = await this.stages.findOneBy({ id: stageId });
    if (!stage || stage.status === 'ready' || stage.status === 'failed') return;
    await this.setStatus(stage, { status: 'processing', attempts: attempt.number, error: null });
    const dir = await mkdtemp(join(tmpdir(), 'gallery-stage-'));
    try {
      const original = join(dir, 'original');
      const { body } = await this.storage.get(stage.originalKey);
      await pipeline(body, createWriteStream(original));
      const image = await processImage(original);
      const { thumbKey, previewKey } = derivedKeys(stage.originalKey);
      await this.storage.put(thumbKey, image.thumb.data, 'image/webp');
      await this.storage.put(previewKey, image.preview.data, 'image/webp');
      if (!(await this.stages.existsBy({ id: stageId }))) {
        // Deleted while we worked: take our outputs back out.
        await Promise.all([this.storage.delete(thumbKey), this.storage.delete(previewKey)]);
        return;
      }
      await this.stages.manager.transaction(async (tx) => {
        await tx.delete(StageColorEntity, { stageId });
        if (image.colors.length) {
          await tx.insert(
            StageColorEntity,
            image.colors.map((c, rank) => ({
              stageId,
              rank,
              albumId: stage.albumId,
              hue: c.hue,
              weight: c.weight,
            })),
          );
        }
      });
      await this.setStatus(stage, {
        status: 'ready',
        width: image.width,
        height: image.height,
        thumbKey,
        previewKey,
        placeholder: image.placeholder,
        colors: image.colors,
      });
    } catch (err) {
      if (err instanceof ImageRejectedError) {
        await this.setStatus(stage, { status: 'failed', error: err.message });
        return;
      }
      this.logger.warn(
        `stage ${stageId} attempt ${attempt.number}: ${err instanceof Error ? err.message : String(err)}`,
      );
      await this.setStatus(
        stage,
        attempt.final ? { status: 'failed', error: TRANSIENT_FAILURE } : { status: 'pending' },
      );
      if (!attempt.final) throw err;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Writes the row (the truth), moves the cover if needed, and tells the owner and watchers. */
  private async setStatus(stage: StageEntity, changes: Partial<StageEntity>): Promise<void> {
    Object.assign(stage, changes);
    // Ready and the cover it may become commit together: no reader sees every stage ready while
    // the cover still points at an older one.
    const affected = await this.stages.manager.transaction(async (tx) => {
      const result = await tx.update(StageEntity, { id: stage.id }, changes);
      if (result.affected && changes.status === 'ready') await refreshCover(tx, stage.albumId);
      return result.affected ?? 0;
    });
    if (!affected) return;
    // A new cover means new colours for the hue browse. (A worker process has no cache; the
    // api's expires by itself.)
    if (changes.status === 'ready') this.listCache?.invalidate();
    const album = await this.stages.manager.findOneBy(ArtworkEntity, { id: stage.albumId });
    if (!album) return;
    const fresh = (await this.stages.findOneBy({ id: stage.id })) ?? stage;
    this.realtime.toRooms([ROOMS.user(album.ownerId), ROOMS.album(album.id)], 'stage:updated', {
      ...this.mapper.stage(fresh),
      albumId: album.id,
    });
  }
}
