import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Repository } from 'typeorm';
import { DomainEvents } from '../events/domain-events';
import { needsDeepZoom, writeDeepZoom } from '../media/deep-zoom';
import { ImageRejectedError } from '../media/image-pipeline';
import { JobDispatcher } from '../queue/job-dispatcher';
import { JobQueue } from '../queue/job-queue';
import { MediaStorage } from '../storage/media-storage';
import { tilesKeys } from './stage-keys';
import { StageEntity } from './stage.entity';

/** Tiles uploaded at once: enough to hide a store's latency, few enough to keep sockets and memory small. */
const UPLOADS_IN_FLIGHT = 8;

/**
 * The deep-zoom job: a pyramid of 256 px tiles for stages larger than their 1600 px preview. It runs
 * after the stage is ready (a job of its own, so tiles never delay `ready`), writes the pyramid to
 * a temp dir, streams the tiles to storage one by one, then the descriptor last (a descriptor in
 * storage means its tiles are there), and records it on the stage. Idempotent: keys derive from
 * the original's, so running again (reprocessing, a retried job) overwrites.
 */
@Injectable()
export class StageTiler implements OnModuleInit {
  private readonly logger = new Logger('StageTiler');

  constructor(
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    private readonly storage: MediaStorage,
    private readonly dispatcher: JobDispatcher,
    private readonly jobs: JobQueue,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register('tile-stage', ({ stageId }) => this.tile(stageId));
  }

  /** Queues the tiles of a ready stage if its image is larger than its preview. */
  async queueIfNeeded(stage: Pick<StageEntity, 'id' | 'width' | 'height'>): Promise<void> {
    if (needsDeepZoom(stage.width, stage.height))
      await this.jobs.add('tile-stage', { stageId: stage.id }, `tiles-${stage.id}`);
  }

  async tile(stageId: string): Promise<void> {
    const stage = await this.stages.findOneBy({ id: stageId });
    if (!stage) return;
    this.dispatcher.addLogFields({ albumId: stage.albumId });
    if (stage.status !== 'ready' || !needsDeepZoom(stage.width, stage.height)) return;
    const { tilesKey, tilesPrefix } = tilesKeys(stage.originalKey);
    const dir = await mkdtemp(join(tmpdir(), 'gallery-tiles-'));
    try {
      const original = join(dir, 'original');
      const { body } = await this.storage.get(stage.originalKey);
      await pipeline(body, createWriteStream(original));
      const pyramid = await writeDeepZoom(original, dir);
      await this.uploadAll(pyramid.tiles, async (tile) => {
        await this.storage.put(
          `${tilesPrefix}${tile}`,
          createReadStream(join(pyramid.filesDir, tile)),
          'image/webp',
        );
      });
      await this.storage.put(tilesKey, createReadStream(pyramid.dziPath), 'application/xml');
      const saved = await this.stages.manager.transaction(async (tx) => {
        const result = await tx.update(
          StageEntity,
          { id: stageId },
          { tilesKey, tilesWidth: pyramid.width, tilesHeight: pyramid.height },
        );
        if (!result.affected) return false;
        // The image changed (it gained tiles): the owner's and watchers' sockets hear of it.
        await this.events.publish(tx, 'stage.status', { artworkId: stage.albumId, stageId, status: 'ready' });
        return true;
      });
      if (!saved) {
        // Deleted while we worked: take our outputs back out.
        await this.storage.deletePrefix(tilesPrefix);
        await this.storage.delete(tilesKey);
      }
    } catch (err) {
      // A damaged original already failed the stage job; nothing to retry here.
      if (err instanceof ImageRejectedError) {
        this.logger.warn(`stage ${stageId}: no tiles: ${err.message}`);
        return;
      }
      throw err;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Runs `upload` for every tile, at most UPLOADS_IN_FLIGHT at once; the first failure stops the rest. */
  private async uploadAll(tiles: string[], upload: (tile: string) => Promise<void>): Promise<void> {
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < tiles.length) await upload(tiles[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(UPLOADS_IN_FLIGHT, tiles.length) }, lane));
  }
}
