import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Repository } from 'typeorm';
import { DomainEvents } from '../events/domain-events';
import { ImageRejectedError, processImage } from '../media/image-pipeline';
import { JobDispatcher } from '../queue/job-dispatcher';
import type { JobAttempt } from '../queue/jobs';
import { MediaStorage } from '../storage/media-storage';
import { makeStageWorkDir } from '../storage/temp-files';
import { StageColorEntity } from './stage-color.entity';
import { derivedKeys } from './stage-keys';
import { StageEntity } from './stage.entity';
import { StageTiler } from './stage-tiler';

const TRANSIENT_FAILURE =
  "We couldn't process this image right now. Retry, or delete it and upload it again.";

/**
 * Turns an uploaded original into what viewers see. Runs wherever jobs are consumed (the api in
 * embedded mode, `npm run worker` processes in production). Idempotent: output keys derive from
 * the original's, so a job that runs twice (a stalled worker, a recovery) overwrites, not orphans.
 */
@Injectable()
export class StageProcessor implements OnModuleInit {
  private readonly logger = new Logger('StageProcessor');

  constructor(
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    private readonly storage: MediaStorage,
    private readonly dispatcher: JobDispatcher,
    private readonly events: DomainEvents,
    private readonly tiler: StageTiler,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register('process-stage', ({ stageId }, attempt) => this.process(stageId, attempt));
  }

  async process(stageId: string, attempt: JobAttempt): Promise<void> {
    const stage = await this.stages.findOneBy({ id: stageId });
    if (!stage) return;
    this.dispatcher.addLogFields({ albumId: stage.albumId });
    if (stage.status === 'ready' || stage.status === 'failed') return;
    await this.setStatus(stage, { status: 'processing', attempts: attempt.number, error: null });
    const dir = await makeStageWorkDir();
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
      // Tiles come later, in their own job: they never hold up `ready`. A queue that refuses the
      // job must not fail a ready stage; recovery queues missing tiles at the next start.
      await this.tiler.queueIfNeeded(stage).catch((err: unknown) => {
        this.logger.warn(
          `stage ${stageId}: tiles not queued: ${err instanceof Error ? err.message : String(err)}`,
        );
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

  /**
   * Writes the row (the truth) and publishes the change in the same transaction: the artworks
   * module moves the cover there (ready and the cover it may become commit together, so no
   * reader sees every stage ready with an older cover), then tells the owner and watchers.
   */
  private async setStatus(stage: StageEntity, changes: Partial<StageEntity>): Promise<void> {
    Object.assign(stage, changes);
    await this.stages.manager.transaction(async (tx) => {
      const result = await tx.update(StageEntity, { id: stage.id }, changes);
      if (!result.affected) return;
      await this.events.publish(tx, 'stage.status', {
        artworkId: stage.albumId,
        stageId: stage.id,
        status: stage.status,
      });
    });
  }
}
