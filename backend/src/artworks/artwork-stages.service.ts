import { Injectable } from '@nestjs/common';
import type { Pin, Stage } from '@gallery/contracts';
import type { AuthUser } from '../common/auth-user';
import { isUniqueViolation } from '../database/errors';
import { DomainEvents } from '../events/domain-events';
import { PinsService } from '../stages/pins.service';
import { StageErrors } from '../stages/stage.errors';
import { StageMapper } from '../stages/stage.mapper';
import { StageEntity } from '../stages/stage.entity';
import { StagesService } from '../stages/stages.service';
import { MediaNotFoundError, MediaStorage, type StoredObject } from '../storage/media-storage';
import { removeTempUploads, type TempUpload } from '../storage/temp-upload.storage';
import { ArtworkEntity } from './artwork.entity';
import { ArtworksService } from './artworks.service';
import type { CreatePinDto, ReorderStagesDto, UpdatePinDto, UpdateStageDto } from '../stages/dto';

/**
 * The painter's stage edits, as one unit with the artwork: access is checked here, and every
 * change runs in a transaction that holds the artwork's row lock (so concurrent uploads and
 * reorders keep positions 0..n-1) and publishes what changed for the projections.
 */
@Injectable()
export class ArtworkStagesService {
  constructor(
    private readonly artworks: ArtworksService,
    private readonly stages: StagesService,
    private readonly mapper: StageMapper,
    private readonly events: DomainEvents,
    private readonly pins: PinsService,
    private readonly storage: MediaStorage,
  ) {}

  /** Stages as the api shows them, each with its pins. */
  private async present(stages: StageEntity[]): Promise<Stage[]> {
    const pins = await this.pins.byStage(stages.filter((s) => s.id).map((s) => s.id));
    return stages.map((s) => this.mapper.stage(s, pins.get(s.id)));
  }

  /**
   * The painter's own upload, as it was (EXIF and all): a short-lived signed URL where the store
   * has them, else the object to stream. Only the owner gets it (others: 404 / 403 as elsewhere).
   */
  async original(
    user: AuthUser,
    albumId: string,
    stageId: string,
  ): Promise<{ redirect: string } | { object: StoredObject; fileName: string }> {
    await this.artworks.findOwned(user, albumId);
    const stage = await this.stages.find(albumId, stageId);
    const fileName = stage.originalName || stage.originalKey.split('/').pop()!;
    const redirect = await this.storage.privateDownloadUrl(stage.originalKey, fileName);
    if (redirect) return { redirect };
    try {
      return { object: await this.storage.get(stage.originalKey), fileName };
    } catch (err) {
      if (err instanceof MediaNotFoundError) throw StageErrors.notFound();
      throw err;
    }
  }

  /**
   * Adds uploaded images as stages at the end of the artwork, each `pending` until processed.
   * One bad file refuses the whole request and stores nothing; a file already in the artwork
   * (same SHA-256) answers with the existing stage.
   */
  async upload(user: AuthUser, albumId: string, files: TempUpload[]): Promise<Stage[]> {
    try {
      const album = await this.artworks.findOwned(user, albumId);
      if (files.length === 0) throw StageErrors.noFiles();
      const prepared = await this.stages.prepare(album.id, files);
      const { all, fresh } = prepared;
      if (fresh.length) await this.insert(album.id, prepared);
      await this.stages.queue(fresh);
      return await this.present(all);
    } finally {
      await removeTempUploads(files);
    }
  }

  private async insert(
    albumId: string,
    prepared: Parameters<StagesService['insertAtEnd']>[2],
  ): Promise<void> {
    const { fresh } = prepared;
    try {
      await this.artworks.transaction(async (tx) => {
        // A new stage is painter activity: the work moves up in followers' feeds.
        await this.artworks.lock(tx, albumId, { activityAt: Date.now() });
        await this.stages.insertAtEnd(tx, albumId, prepared);
        await tx.increment(ArtworkEntity, { id: albumId }, 'stageCount', fresh.length);
        await this.events.publish(tx, 'stages.changed', { artworkId: albumId, what: 'added' });
      });
    } catch (err) {
      // The same file arrived twice at once; the other request stored it.
      if (isUniqueViolation(err)) throw StageErrors.duplicateUpload();
      throw err;
    }
  }

  async update(user: AuthUser, albumId: string, stageId: string, dto: UpdateStageDto): Promise<Stage> {
    await this.artworks.findOwned(user, albumId);
    const stage = await this.stages.find(albumId, stageId);
    // Only the fields this request names: two edits of one stage at once (the editor saves the
    // guessed kind while the painter types a title) must not write each other's old values back.
    const changes: Partial<Pick<StageEntity, 'title' | 'note' | 'kind'>> = {};
    if (dto.title !== undefined) changes.title = dto.title;
    if (dto.note !== undefined) changes.note = dto.note;
    if (dto.kind !== undefined) changes.kind = dto.kind;
    const saved = await this.artworks.transaction(async (tx) => {
      if (Object.keys(changes).length) await tx.update(StageEntity, { id: stage.id }, changes);
      if (dto.title !== undefined)
        await this.events.publish(tx, 'stages.changed', { artworkId: albumId, what: 'retitled' });
      return tx.findOneByOrFail(StageEntity, { id: stage.id });
    });
    return (await this.present([saved]))[0]!;
  }

  /** Removes the stage, closes the gap in positions, and deletes its images through a job. */
  async remove(user: AuthUser, albumId: string, stageId: string): Promise<void> {
    await this.artworks.findOwned(user, albumId);
    const stage = await this.stages.find(albumId, stageId);
    const deletions = await this.artworks.transaction(async (tx) => {
      await this.artworks.lock(tx, albumId);
      const ids = await this.stages.remove(tx, stage);
      await tx.decrement(ArtworkEntity, { id: albumId }, 'stageCount', 1);
      await this.events.publish(tx, 'stages.changed', { artworkId: albumId, what: 'removed' });
      return ids;
    });
    await this.stages.dispatchDeletions(deletions);
  }

  /** Puts the stages in the given order; the artwork's lock serialises concurrent reorders. */
  async reorder(user: AuthUser, albumId: string, dto: ReorderStagesDto): Promise<Stage[]> {
    await this.artworks.findOwned(user, albumId);
    const ordered = await this.artworks.transaction(async (tx) => {
      await this.artworks.lock(tx, albumId);
      const stages = await this.stages.reorder(tx, albumId, dto.stageIds);
      await this.events.publish(tx, 'stages.changed', { artworkId: albumId, what: 'reordered' });
      return stages;
    });
    return this.present(ordered);
  }

  /** Queues a failed stage again (the painter's "retry"). */
  async retry(user: AuthUser, albumId: string, stageId: string): Promise<Stage> {
    await this.artworks.findOwned(user, albumId);
    const stage = await this.stages.find(albumId, stageId);
    if (stage.status === 'failed') {
      Object.assign(stage, { status: 'pending', error: null, attempts: 0 });
      await this.stages.save(stage);
      await this.stages.queue([stage]);
    }
    return (await this.present([stage]))[0]!;
  }

  /** Pins a note to a point of the stage's image (the painter's own artwork only). */
  async addPin(user: AuthUser, albumId: string, stageId: string, dto: CreatePinDto): Promise<Pin> {
    await this.ownedStage(user, albumId, stageId);
    return this.mapper.pin(await this.pins.create(stageId, dto));
  }

  async updatePin(
    user: AuthUser,
    albumId: string,
    stageId: string,
    pinId: string,
    dto: UpdatePinDto,
  ): Promise<Pin> {
    await this.ownedStage(user, albumId, stageId);
    return this.mapper.pin(await this.pins.update(stageId, pinId, dto));
  }

  async removePin(user: AuthUser, albumId: string, stageId: string, pinId: string): Promise<void> {
    await this.ownedStage(user, albumId, stageId);
    await this.pins.remove(stageId, pinId);
  }

  /** 404 when the artwork is hidden from the user or the stage is not in it, 403 when not theirs. */
  private async ownedStage(user: AuthUser, albumId: string, stageId: string): Promise<void> {
    await this.artworks.findOwned(user, albumId);
    if (!(await this.stages.exists(albumId, stageId))) throw StageErrors.notFound();
  }
}
