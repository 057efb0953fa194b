import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createReadStream } from 'node:fs';
import { Repository, type EntityManager } from 'typeorm';
import { ImageRejectedError, inspectImage, type ImageInfo } from '../media/image-pipeline';
import { JobQueue } from '../queue/job-queue';
import { contentTypeFor } from '../storage/content-types';
import { MediaStorage } from '../storage/media-storage';
import type { TempUpload } from '../storage/temp-upload.storage';
import { originalKey, stageObjects, type StoredObjects } from './stage-keys';
import { StageEntity } from './stage.entity';
import { StageErrors } from './stage.errors';

/** What an upload became: every file's stage in order, and the ones that are new. */
export interface PreparedStages {
  all: StageEntity[];
  fresh: StageEntity[];
}

/**
 * Stage rows and their stored originals. Access checks and the artwork row (its lock, counters
 * and cover) belong to the artworks module, which calls these inside its own transactions.
 */
@Injectable()
export class StagesService {
  constructor(
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    private readonly storage: MediaStorage,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * Sniffs every file first (one bad file refuses the whole request and stores nothing), then
   * stores the originals of files not already in the artwork (same SHA-256 answers with the
   * existing stage). The new rows are not saved yet: see insertAtEnd.
   */
  async prepare(albumId: string, files: TempUpload[]): Promise<PreparedStages> {
    const infos = await Promise.all(files.map((f) => sniff(f)));
    const all: StageEntity[] = [];
    const fresh: StageEntity[] = [];
    for (const [i, file] of files.entries()) {
      const known =
        all.find((s) => s.sha256 === file.sha256) ??
        (await this.stages.findOneBy({ albumId, sha256: file.sha256 }));
      if (known) {
        all.push(known);
        continue;
      }
      const info = infos[i]!;
      const key = originalKey(albumId, info.format);
      await this.storage.put(key, createReadStream(file.path), contentTypeFor(key));
      const stage = this.stages.create({
        albumId,
        originalKey: key,
        sha256: file.sha256,
        originalName: file.originalname.slice(0, 255),
        bytes: file.size,
        note: '',
        title: '',
        kind: 'other',
        status: 'pending',
        // Provenance facts, from the bytes as uploaded (processing strips all metadata later).
        width: info.width,
        height: info.height,
        capturedAt: info.capturedAt,
        software: info.software,
      });
      all.push(stage);
      fresh.push(stage);
    }
    return { all, fresh };
  }

  /** Saves prepared stages after the artwork's last one; the caller holds the artwork's lock. */
  async insertAtEnd(tx: EntityManager, albumId: string, fresh: StageEntity[]): Promise<void> {
    const last = await tx.findOne(StageEntity, { where: { albumId }, order: { position: 'DESC' } });
    let position = (last?.position ?? -1) + 1;
    for (const stage of fresh) stage.position = position++;
    await tx.save(StageEntity, fresh);
  }

  /** Queues the image job of each stage (job ids dedupe, so a repeat is harmless). */
  async queue(stages: StageEntity[]): Promise<void> {
    for (const stage of stages)
      await this.jobs.add('process-stage', { stageId: stage.id }, `stage-${stage.id}`);
  }

  /** Deletes a stage and closes the gap in positions; the caller holds the artwork's lock. */
  async remove(tx: EntityManager, stage: StageEntity): Promise<void> {
    await tx.delete(StageEntity, { id: stage.id });
    await tx
      .createQueryBuilder()
      .update(StageEntity)
      .set({ position: () => 'position - 1', updatedAt: () => 'updatedAt' })
      .where('albumId = :albumId AND position > :position', {
        albumId: stage.albumId,
        position: stage.position,
      })
      .execute();
  }

  /** Puts the stages in the given order; 400 unless it names every current stage once. */
  async reorder(tx: EntityManager, albumId: string, stageIds: string[]): Promise<StageEntity[]> {
    const current = await tx.find(StageEntity, { where: { albumId }, order: { position: 'ASC' } });
    const ids = new Set(current.map((s) => s.id));
    if (stageIds.length !== current.length || !stageIds.every((id) => ids.has(id))) {
      throw StageErrors.badOrder();
    }
    const byId = new Map(current.map((s) => [s.id, s]));
    for (const [position, id] of stageIds.entries()) {
      const stage = byId.get(id)!;
      if (stage.position === position) continue;
      await tx.update(StageEntity, { id }, { position, updatedAt: () => 'updatedAt' });
      stage.position = position;
    }
    return stageIds.map((id) => byId.get(id)!);
  }

  save(stage: StageEntity): Promise<StageEntity> {
    return this.stages.save(stage);
  }

  /** The stage of this artwork, or 404. */
  async find(albumId: string, stageId: string): Promise<StageEntity> {
    const stage = await this.stages.findOneBy({ id: stageId, albumId });
    if (!stage) throw StageErrors.notFound();
    return stage;
  }

  /** A stage by id alone, whatever its artwork; the caller checks that artwork's visibility. */
  findById(stageId: string): Promise<StageEntity | null> {
    return this.stages.findOneBy({ id: stageId });
  }

  exists(albumId: string, stageId: string): Promise<boolean> {
    return this.stages.existsBy({ id: stageId, albumId });
  }

  /** An artwork's stages in position order. */
  listOf(albumId: string, db: EntityManager = this.stages.manager): Promise<StageEntity[]> {
    return db.find(StageEntity, { where: { albumId }, order: { position: 'ASC' } });
  }

  /** Every stored object of an artwork's stages, for deleting them with it. */
  async objectsOf(albumId: string): Promise<StoredObjects> {
    return stageObjects(await this.listOf(albumId));
  }

  /** Deletes stored objects through a job, so a slow or failing store never blocks the request. */
  async deleteObjects({ keys, prefixes }: StoredObjects): Promise<void> {
    if (keys.length || prefixes.length) await this.jobs.add('delete-objects', { keys, prefixes });
  }
}

async function sniff(file: TempUpload): Promise<ImageInfo> {
  try {
    return await inspectImage(file.path);
  } catch (err) {
    if (!(err instanceof ImageRejectedError)) throw err;
    const message = `${file.originalname}: ${err.message}`;
    throw err.kind === 'too-large' ? StageErrors.tooLarge(message) : StageErrors.unsupported(message);
  }
}
