import {
  BadRequestException,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Stage } from '@gallery/contracts';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Repository, type EntityManager } from 'typeorm';
import { ArtworkEntity } from '../artworks/artwork.entity';
import { ArtworksService } from '../artworks/artworks.service';
import { refreshCover } from '../artworks/cover';
import { isUniqueViolation } from '../database/errors';
import { ImageRejectedError, inspectImage } from '../media/image-pipeline';
import { JobQueue } from '../queue/job-queue';
import { ListCache } from '../search/list-cache';
import { SearchIndexer } from '../search/search-indexer';
import { MediaStorage } from '../storage/media-storage';
import type { UserEntity } from '../users/user.entity';
import type { ReorderStagesDto, UpdateStageDto } from './dto';
import { StageEntity } from './stage.entity';
import { removeTempUploads, type TempUpload } from './temp-upload.storage';

const MIME: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  tiff: 'image/tiff',
};
const EXT: Record<string, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
  tiff: 'tif',
};

@Injectable()
export class StagesService {
  constructor(
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    private readonly albums: ArtworksService,
    private readonly storage: MediaStorage,
    private readonly jobs: JobQueue,
    private readonly search: SearchIndexer,
    private readonly listCache: ListCache,
  ) {}

  /**
   * Adds uploaded images as stages at the end of the artwork, each `pending` until processed.
   * Every file is sniffed first: one bad file refuses the whole request and stores nothing.
   * A file already in the artwork (same SHA-256) answers with the existing stage.
   */
  async upload(user: UserEntity, albumId: string, files: TempUpload[]): Promise<Stage[]> {
    try {
      return await this.addStages(user, albumId, files);
    } finally {
      await removeTempUploads(files);
    }
  }

  private async addStages(user: UserEntity, albumId: string, files: TempUpload[]): Promise<Stage[]> {
    const album = await this.albums.findOwned(user, albumId);
    if (files.length === 0) throw new BadRequestException('attach 1 to 20 images in the "files" field');
    const formats = await Promise.all(files.map((f) => sniff(f)));

    const result: StageEntity[] = [];
    const fresh: StageEntity[] = [];
    for (const [i, file] of files.entries()) {
      const known =
        result.find((s) => s.sha256 === file.sha256) ??
        (await this.stages.findOneBy({ albumId, sha256: file.sha256 }));
      if (known) {
        result.push(known);
        continue;
      }
      const format = formats[i]!;
      const originalKey = `originals/${albumId}/${randomBytes(18).toString('base64url')}.${EXT[format]}`;
      await this.storage.put(originalKey, createReadStream(file.path), MIME[format]!);
      const stage = this.stages.create({
        albumId,
        originalKey,
        sha256: file.sha256,
        originalName: file.originalname.slice(0, 255),
        bytes: file.size,
        note: '',
        title: '',
        kind: 'other',
        status: 'pending',
      });
      result.push(stage);
      fresh.push(stage);
    }
    if (fresh.length) await this.insertAtEnd(album.id, fresh);
    for (const stage of fresh)
      await this.jobs.add('process-stage', { stageId: stage.id }, `stage-${stage.id}`);
    return result.map((s) => this.albums.mapper.stage(s));
  }

  async update(user: UserEntity, albumId: string, stageId: string, dto: UpdateStageDto): Promise<Stage> {
    await this.albums.findOwned(user, albumId);
    const stage = await this.find(albumId, stageId);
    if (dto.title !== undefined) stage.title = dto.title;
    if (dto.note !== undefined) stage.note = dto.note;
    if (dto.kind !== undefined) stage.kind = dto.kind;
    const saved = await this.stages.save(stage);
    if (dto.title !== undefined) await this.search.album(this.stages.manager, albumId);
    return this.albums.mapper.stage(saved);
  }

  /** Removes the stage, closes the gap in positions, and deletes its images through a job. */
  async remove(user: UserEntity, albumId: string, stageId: string): Promise<void> {
    await this.albums.findOwned(user, albumId);
    const stage = await this.find(albumId, stageId);
    await this.stages.manager.transaction(async (tx) => {
      await lockArtwork(tx, albumId);
      await tx.delete(StageEntity, { id: stage.id });
      await tx
        .createQueryBuilder()
        .update(StageEntity)
        .set({ position: () => 'position - 1', updatedAt: () => 'updatedAt' })
        .where('albumId = :albumId AND position > :position', { albumId, position: stage.position })
        .execute();
      await tx.decrement(ArtworkEntity, { id: albumId }, 'stageCount', 1);
      await refreshCover(tx, albumId);
      await this.search.album(tx, albumId);
    });
    this.listCache.invalidate(); // the cover and its colours may have changed
    const keys = [stage.originalKey, stage.thumbKey, stage.previewKey].filter((k): k is string => !!k);
    await this.jobs.add('delete-objects', { keys });
  }

  /**
   * Puts the stages in the given order. The list must name every current stage exactly once;
   * the album row lock serialises concurrent reorders, so positions stay 0..n-1.
   */
  async reorder(user: UserEntity, albumId: string, dto: ReorderStagesDto): Promise<Stage[]> {
    await this.albums.findOwned(user, albumId);
    const ordered = await this.stages.manager.transaction(async (tx) => {
      await lockArtwork(tx, albumId);
      const current = await tx.find(StageEntity, { where: { albumId }, order: { position: 'ASC' } });
      const ids = new Set(current.map((s) => s.id));
      if (dto.stageIds.length !== current.length || !dto.stageIds.every((id) => ids.has(id))) {
        throw new BadRequestException("stageIds must list exactly the artwork's current stages");
      }
      const byId = new Map(current.map((s) => [s.id, s]));
      for (const [position, id] of dto.stageIds.entries()) {
        const stage = byId.get(id)!;
        if (stage.position === position) continue;
        await tx.update(StageEntity, { id }, { position, updatedAt: () => 'updatedAt' });
        stage.position = position;
      }
      return dto.stageIds.map((id) => byId.get(id)!);
    });
    return ordered.map((s) => this.albums.mapper.stage(s));
  }

  /** Queues a failed stage again (the painter's "retry"). */
  async retry(user: UserEntity, albumId: string, stageId: string): Promise<Stage> {
    await this.albums.findOwned(user, albumId);
    const stage = await this.find(albumId, stageId);
    if (stage.status === 'failed') {
      Object.assign(stage, { status: 'pending', error: null, attempts: 0 });
      await this.stages.save(stage);
      await this.jobs.add('process-stage', { stageId: stage.id }, `stage-${stage.id}`);
    }
    return this.albums.mapper.stage(stage);
  }

  private async find(albumId: string, stageId: string): Promise<StageEntity> {
    const stage = await this.stages.findOneBy({ id: stageId, albumId });
    if (!stage) throw new NotFoundException('no such stage in this artwork');
    return stage;
  }

  private async insertAtEnd(albumId: string, fresh: StageEntity[]): Promise<void> {
    try {
      await this.stages.manager.transaction(async (tx) => {
        await lockArtwork(tx, albumId);
        const last = await tx.findOne(StageEntity, { where: { albumId }, order: { position: 'DESC' } });
        let position = (last?.position ?? -1) + 1;
        for (const stage of fresh) stage.position = position++;
        await tx.save(StageEntity, fresh);
        await tx.increment(ArtworkEntity, { id: albumId }, 'stageCount', fresh.length);
        // A new stage is painter activity: the work moves up in followers' feeds.
        await tx.update(ArtworkEntity, { id: albumId }, { activityAt: Date.now() });
      });
    } catch (err) {
      // The same file arrived twice at once; the other request stored it.
      if (isUniqueViolation(err))
        throw new BadRequestException('this image is already being added to the artwork');
      throw err;
    }
  }
}

/**
 * Takes the album row's write lock for the rest of the transaction (InnoDB row lock; SQLite
 * serialises writers anyway) and bumps updatedAt: a stage change is painter activity.
 */
async function lockArtwork(tx: EntityManager, albumId: string): Promise<void> {
  await tx.update(ArtworkEntity, { id: albumId }, { updatedAt: new Date() });
}

async function sniff(file: TempUpload): Promise<string> {
  try {
    return (await inspectImage(file.path)).format;
  } catch (err) {
    if (!(err instanceof ImageRejectedError)) throw err;
    const message = `${file.originalname}: ${err.message}`;
    throw err.kind === 'too-large'
      ? new PayloadTooLargeException(message)
      : new UnsupportedMediaTypeException(message);
  }
}
