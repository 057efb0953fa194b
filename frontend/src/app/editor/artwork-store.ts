import { moveItemInArray } from '@angular/cdk/drag-drop';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type {
  Artwork,
  Pin,
  Stage,
  StageKind,
  UpdateArtworkRequest,
  UpdateStageRequest,
  Visibility,
} from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Artworks } from '../artwork/artworks';
import { followStages } from '../artwork/live';
import { isProcessing, renumber, upsertStage, withServerState } from '../artwork/stages';
import { Debouncer } from './debouncer';
import { guessStageKinds } from './stage-kind-guess';
import { StageUploads } from './stage-uploads';
import { fileProblem } from './upload-plan';

/** Quiet period after the last keystroke before an edit is saved. */
export const AUTOSAVE_MS = 600;

/** Save-state keys besides stage ids. */
export const SAVE_KEYS = { details: 'details', visibility: 'visibility', cover: 'cover' } as const;

export interface SaveStatus {
  readonly state: 'saving' | 'saved' | 'failed';
  readonly message: string | null;
}

type DetailChanges = Pick<UpdateArtworkRequest, 'title' | 'description'>;

/**
 * The artwork open in the editor, and every change the painter makes to it. Text edits show at
 * once and are saved after a quiet moment; reordering is optimistic and rolled back if the api
 * refuses; processing stages are followed live. Provided by the editor page, one per visit.
 */
@Injectable()
export class ArtworkStore {
  private readonly artworks = inject(Artworks);
  private readonly state = signal<Artwork | null>(null);
  private readonly saveStatuses = signal<Readonly<Partial<Record<string, SaveStatus>>>>({});
  private readonly uploader = inject(StageUploads);
  private readonly notice = signal<string | null>(null);

  private readonly autosave = new Debouncer(AUTOSAVE_MS);
  private pendingDetails: DetailChanges = {};
  private readonly pendingStages = new Map<string, UpdateStageRequest>();
  /** Saves per key run one after the other, so the api receives them in typing order. */
  private readonly saveChains = new Map<string, Promise<unknown>>();
  /** Stages being deleted: a poll answering meanwhile must not bring them back. */
  private readonly removed = new Set<string>();
  private reorderCount = 0;

  /** The artwork as the painter sees it now, unsaved edits included. */
  readonly album = this.state.asReadonly();
  readonly stages = computed(() => this.state()?.stages ?? []);
  /** Some stage is still being processed by the api. */
  readonly busy = computed(() => this.stages().some(isProcessing));
  /** Save state per key: SAVE_KEYS or a stage id. */
  readonly saves = this.saveStatuses.asReadonly();
  readonly uploads = this.uploader.uploads;
  readonly uploading = this.uploader.uploading;
  /** Files the last selection could not send, with reasons. */
  readonly rejected = this.uploader.rejected;
  /** The latest problem that is not tied to one field (a refused reorder, a failed delete). */
  readonly problem = this.notice.asReadonly();

  constructor() {
    // Leaving the page saves what was typed in the last moment instead of dropping it.
    inject(DestroyRef).onDestroy(() => this.autosave.flush());
    followStages({
      albumId: computed(() => this.state()?.id ?? null),
      busy: this.busy,
      apply: (stage) => this.applyServerStage(stage),
      refresh: () => this.refresh(),
    });
  }

  open(album: Artwork): void {
    const current = this.state();
    if (current && current.id !== album.id) {
      // Another artwork in the same editor: what was typed for this one is saved to this one.
      this.autosave.flush();
      this.saveStatuses.set({});
      this.notice.set(null);
    }
    this.state.set(album);
  }

  dismissProblem(): void {
    this.notice.set(null);
  }

  // ---- Title, description, visibility, cover ----

  /** Shows the new title or description at once and saves it after a quiet moment. */
  editDetails(changes: DetailChanges): void {
    this.patchArtwork(changes);
    this.pendingDetails = { ...this.pendingDetails, ...changes };
    if (this.pendingDetails.title !== undefined && this.pendingDetails.title.trim() === '') {
      this.autosave.cancel(SAVE_KEYS.details);
      this.setSave(SAVE_KEYS.details, { state: 'failed', message: 'An artwork needs a title.' });
      return;
    }
    this.autosave.schedule(SAVE_KEYS.details, () => void this.saveDetails());
  }

  async setVisibility(visibility: Visibility): Promise<void> {
    const album = this.state();
    if (!album || album.visibility === visibility) {
      return;
    }
    this.patchArtwork({ visibility });
    const saved = await this.persist(SAVE_KEYS.visibility, () =>
      firstValueFrom(this.artworks.update(album.id, { visibility })),
    );
    if (saved) {
      this.patchArtwork({ visibility: saved.visibility, shareCode: saved.shareCode });
    } else {
      this.patchArtwork({ visibility: album.visibility });
    }
  }

  /** Pins a stage as the cover, or (null) lets the cover follow the newest stage again. */
  async setCover(stageId: string | null): Promise<void> {
    const album = this.state();
    if (!album) {
      return;
    }
    const before = { cover: album.cover, coverStageId: album.coverStageId, coverPinned: album.coverPinned };
    if (stageId) {
      this.patchArtwork({ coverStageId: stageId, coverPinned: true });
    }
    const saved = await this.persist(SAVE_KEYS.cover, () =>
      firstValueFrom(this.artworks.update(album.id, { coverStageId: stageId })),
    );
    this.patchArtwork(
      saved
        ? { cover: saved.cover, coverStageId: saved.coverStageId, coverPinned: saved.coverPinned }
        : before,
    );
  }

  /** Deletes the whole artwork; edits still waiting are dropped with it. */
  async deleteArtwork(): Promise<void> {
    const album = this.state();
    if (!album) {
      return;
    }
    await firstValueFrom(this.artworks.delete(album.id));
    this.autosave.cancelAll();
  }

  // ---- Stages ----

  /** Shows a stage's new kind, title or note at once and saves it after a quiet moment. */
  editStage(stageId: string, changes: UpdateStageRequest): void {
    this.updateStages((stages) => stages.map((s) => (s.id === stageId ? { ...s, ...changes } : s)));
    this.pendingStages.set(stageId, { ...this.pendingStages.get(stageId), ...changes });
    this.autosave.schedule(stageId, () => void this.saveStage(stageId));
  }

  /**
   * Moves a stage from one place in the list to another. The list changes at once; if the api
   * refuses the new order, the old one comes back with a message.
   */
  async moveStage(from: number, to: number): Promise<void> {
    const album = this.state();
    const count = album?.stages.length ?? 0;
    if (!album || from === to || from < 0 || to < 0 || from >= count || to >= count) {
      return;
    }
    const previousOrder = album.stages.map((stage) => stage.id);
    // moveItemInArray works in place: move a copy, then hand the copy to the signal.
    const moved = [...album.stages];
    moveItemInArray(moved, from, to);
    this.updateStages(() => renumber(moved));
    this.notice.set(null);
    const attempt = ++this.reorderCount;
    try {
      await firstValueFrom(
        this.artworks.reorderStages(
          album.id,
          moved.map((stage) => stage.id),
        ),
      );
    } catch (error) {
      // A later move supersedes this one and carries the whole order; only the latest rolls back.
      if (attempt === this.reorderCount) {
        this.updateStages((stages) => renumber(inOrder(stages, previousOrder)));
        this.notice.set(`The new order couldn’t be saved, so it was put back. ${describeApiError(error)}`);
      }
    }
  }

  async retryStage(stageId: string): Promise<void> {
    const album = this.state();
    if (!album) {
      return;
    }
    this.notice.set(null);
    try {
      const stage = await firstValueFrom(this.artworks.retryStage(album.id, stageId));
      this.applyServerStage(stage);
    } catch (error) {
      this.notice.set(`Couldn’t retry this stage. ${describeApiError(error)}`);
    }
  }

  async deleteStage(stageId: string): Promise<void> {
    const album = this.state();
    if (!album) {
      return;
    }
    this.notice.set(null);
    this.removed.add(stageId);
    try {
      await firstValueFrom(this.artworks.deleteStage(album.id, stageId));
      this.autosave.cancel(stageId);
      this.pendingStages.delete(stageId);
      this.updateStages((stages) => renumber(stages.filter((s) => s.id !== stageId)));
      // The cover may have followed the deleted stage somewhere else.
      await this.refresh().catch(() => undefined);
    } catch (error) {
      this.notice.set(`Couldn’t delete the stage. ${describeApiError(error)}`);
    } finally {
      this.removed.delete(stageId);
    }
  }

  /** Changes a stage's pins on screen; PinsStore saves them. */
  updatePins(stageId: string, change: (pins: readonly Pin[]) => Pin[]): void {
    this.updateStages((stages) => stages.map((s) => (s.id === stageId ? { ...s, pins: change(s.pins) } : s)));
  }

  // ---- Uploads ----

  /**
   * Sends the chosen images as new stages, 20 per request, one request after the other so the
   * stages keep the order chosen. Files the api would refuse are set aside with a reason.
   * Each new stage gets the kind its file name or place suggests (the api makes them 'other');
   * the painter can change it. Resolves when every request has finished, successfully or not.
   */
  upload(files: Iterable<File>): Promise<void> {
    const album = this.state();
    if (!album) {
      return Promise.resolve();
    }
    const chosen = [...files];
    const sent = chosen.filter((file) => fileProblem(file) === null);
    const guessed = guessStageKinds(
      sent.map((file) => file.name),
      this.stages().length,
    );
    const kinds = new Map(sent.map((file, i) => [file, guessed[i]]));
    // Stages there before this upload keep their kind. (New ones may show up before the upload's
    // answer, through a live update, so "not on screen yet" would miss them.)
    const before = new Set(this.stages().map((stage) => stage.id));
    return this.uploader.upload(album.id, chosen, (stages, batch) => {
      // A file uploaded before comes back as its existing stage: nothing new to add.
      const fresh = stages.filter((stage) => !this.stages().some((s) => s.id === stage.id));
      this.updateStages((current) => fresh.reduce(upsertStage, [...current]));
      stages.forEach((stage, i) => {
        const kind = kinds.get(batch[i]);
        if (kind && stage.kind === 'other' && !before.has(stage.id)) {
          before.add(stage.id);
          void this.setGuessedKind(album.id, stage.id, kind);
        }
      });
    });
  }

  dismissUpload(id: number): void {
    this.uploader.dismiss(id);
  }

  dismissRejected(): void {
    this.uploader.dismissRejected();
  }

  // ---- Keeping up with the server ----

  /** A stage as the server has it now (socket or an action's answer). */
  applyServerStage(stage: Stage): void {
    const known = this.stages().find((s) => s.id === stage.id);
    if (!known) {
      if (!this.removed.has(stage.id)) {
        void this.refresh().catch(() => undefined);
      }
      return;
    }
    this.updateStages((stages) => stages.map((s) => (s.id === stage.id ? withServerState(s, stage) : s)));
    if (known.status !== stage.status && !isProcessing(stage)) {
      // A finished stage can become the cover; the album knows.
      void this.refresh().catch(() => undefined);
    }
  }

  /**
   * Fetches the artwork again and takes what the server decides (processing, cover, stages added
   * elsewhere) while keeping the painter's unsaved text and the order on screen.
   */
  async refresh(): Promise<void> {
    const album = this.state();
    if (!album) {
      return;
    }
    const server = await firstValueFrom(this.artworks.get(album.id));
    this.state.update((local) => {
      if (!local || local.id !== server.id) {
        return local;
      }
      const fromServer = new Map(server.stages.map((stage) => [stage.id, stage]));
      const kept = local.stages
        .filter((stage) => fromServer.has(stage.id))
        .map((stage) => withServerState(stage, fromServer.get(stage.id)!));
      const known = new Set(local.stages.map((stage) => stage.id));
      const added = server.stages.filter((stage) => !known.has(stage.id) && !this.removed.has(stage.id));
      return {
        ...local,
        cover: server.cover,
        coverStageId: server.coverStageId,
        coverPinned: server.coverPinned,
        shareCode: server.shareCode,
        stages: [...kept, ...added],
      };
    });
  }

  // ---- Internals ----

  /** Shows and saves the kind guessed for a stage the upload just added. */
  private async setGuessedKind(albumId: string, stageId: string, kind: StageKind): Promise<void> {
    this.updateStages((stages) =>
      stages.map((s) => (s.id === stageId && s.kind === 'other' ? { ...s, kind } : s)),
    );
    await this.persist(stageId, () => firstValueFrom(this.artworks.updateStage(albumId, stageId, { kind })));
  }

  private async saveDetails(): Promise<void> {
    const album = this.state();
    const changes = this.pendingDetails;
    this.pendingDetails = {};
    if (!album || Object.keys(changes).length === 0) {
      return;
    }
    const request: DetailChanges = { ...changes };
    if (request.title !== undefined) {
      request.title = request.title.trim();
    }
    await this.persist(SAVE_KEYS.details, () => firstValueFrom(this.artworks.update(album.id, request)));
  }

  private async saveStage(stageId: string): Promise<void> {
    const album = this.state();
    const changes = this.pendingStages.get(stageId);
    this.pendingStages.delete(stageId);
    if (!album || !changes) {
      return;
    }
    await this.persist(stageId, () => firstValueFrom(this.artworks.updateStage(album.id, stageId, changes)));
  }

  /**
   * Runs a save after the previous one under the same key and records how it went. The answer,
   * or null when it failed (the failure is shown beside the field).
   */
  private async persist<T>(key: string, save: () => Promise<T>): Promise<T | null> {
    this.setSave(key, { state: 'saving', message: null });
    const previous = this.saveChains.get(key);
    const run = previous ? previous.catch(() => undefined).then(save) : save();
    this.saveChains.set(key, run);
    try {
      const result = await run;
      if (this.saveChains.get(key) === run) {
        this.setSave(key, { state: 'saved', message: null });
      }
      return result;
    } catch (error) {
      this.setSave(key, { state: 'failed', message: describeApiError(error) });
      return null;
    } finally {
      if (this.saveChains.get(key) === run) {
        this.saveChains.delete(key);
      }
    }
  }

  private patchArtwork(changes: Partial<Artwork>): void {
    this.state.update((album) => album && { ...album, ...changes });
  }

  private updateStages(change: (stages: readonly Stage[]) => Stage[]): void {
    this.state.update((album) => album && { ...album, stages: change(album.stages) });
  }

  private setSave(key: string, status: SaveStatus): void {
    this.saveStatuses.update((saves) => ({ ...saves, [key]: status }));
  }
}

/** `stages` sorted to follow `order` (ids); stages not in it go last. */
function inOrder(stages: readonly Stage[], order: readonly string[]): Stage[] {
  const rank = new Map(order.map((id, index) => [id, index]));
  return [...stages].sort((a, b) => (rank.get(a.id) ?? order.length) - (rank.get(b.id) ?? order.length));
}
