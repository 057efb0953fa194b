import { Injectable } from '@nestjs/common';
import type { Pin, Stage } from '@gallery/contracts';
import type { AuthUser } from '../common/auth-user';
import { isUniqueViolation } from '../database/errors';
import { DomainEvents } from '../events/domain-events';
import { PinsService } from '../stages/pins.service';
import { StageErrors } from '../stages/stage.errors';
import { stageObjects } from '../stages/stage-keys';
import { StageMapper } from '../stages/stage.mapper';
import { StagesService } from '../stages/stages.service';
import { removeTempUploads, type TempUpload } from '../storage/temp-upload.storage';
import { ArtworkEntity } from './artwork.entity';
import { ArtworksService } from './artworks.service';
import type { CreatePinDto, ReorderStagesDto, UpdatePinDto, UpdateStageDto } from '../stages/dto';
import type { StageEntity } from '../stages/stage.entity';

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
  ) {}

  /** Stages as the api shows them, each with its pins. */
  private async present(stages: StageEntity[]): Promise<Stage[]> {
    const pins = await this.pins.byStage(stages.filter((s) => s.id).map((s) => s.id));
    return stages.map((s) => this.mapper.stage(s, pins.get(s.id)));
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
      const { all, fresh } = await this.stages.prepare(album.id, files);
      if (fresh.length) await this.insert(album.id, fresh);
      await this.stages.queue(fresh);
      return await this.present(all);
    } finally {
      await removeTempUploads(files);
    }
  }

  private async insert(albumId: string, fresh: Parameters<StagesService['insertAtEnd']>[2]): Promise<void> {
    try {
      await this.artworks.transaction(async (tx) => {
        // A new stage is painter activity: the work moves up in followers' feeds.
        await this.artworks.lock(tx, albumId, { activityAt: Date.now() });
        await this.stages.insertAtEnd(tx, albumId, fresh);
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
    if (dto.title !== undefined) stage.title = dto.title;
    if (dto.note !== undefined) stage.note = dto.note;
    if (dto.kind !== undefined) stage.kind = dto.kind;
    const saved = await this.artworks.transaction(async (tx) => {
      const row = await tx.save(stage);
      if (dto.title !== undefined)
        await this.events.publish(tx, 'stages.changed', { artworkId: albumId, what: 'retitled' });
      return row;
    });
    return (await this.present([saved]))[0]!;
  }

  /** Removes the stage, closes the gap in positions, and deletes its images through a job. */
  async remove(user: AuthUser, albumId: string, stageId: string): Promise<void> {
    await this.artworks.findOwned(user, albumId);
    const stage = await this.stages.find(albumId, stageId);
    await this.artworks.transaction(async (tx) => {
      await this.artworks.lock(tx, albumId);
      await this.stages.remove(tx, stage);
      await tx.decrement(ArtworkEntity, { id: albumId }, 'stageCount', 1);
      await this.events.publish(tx, 'stages.changed', { artworkId: albumId, what: 'removed' });
    });
    await this.stages.deleteObjects(stageObjects([stage]));
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
