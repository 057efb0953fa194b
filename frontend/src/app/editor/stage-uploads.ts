import { HttpEventType } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Stage } from '@gallery/contracts';

import { describeApiError } from '../api/api-error';
import { Artworks } from '../artwork/artworks';
import { type RejectedFile, batchLabel, planUpload } from './upload-plan';

/** One upload request (up to 20 files) and how far it has got. */
export interface UploadItem {
  readonly id: number;
  readonly label: string;
  readonly files: number;
  readonly loaded: number;
  readonly total: number;
  readonly state: 'waiting' | 'uploading' | 'done' | 'failed';
  readonly error: string | null;
}

/** Receives a request's stages and the files sent in it (`stages[i]` is `files[i]`'s stage). */
export type StagesAdded = (stages: readonly Stage[], files: readonly File[]) => void;

/**
 * Sends chosen images as new stages: checked first, 20 per request, one request after the other
 * so the stages keep the order chosen, each request with its own progress. Provided by the
 * editor page next to its ArtworkStore.
 */
@Injectable()
export class StageUploads {
  private readonly artworks = inject(Artworks);
  private readonly items = signal<readonly UploadItem[]>([]);
  private readonly rejectedFiles = signal<readonly RejectedFile[]>([]);
  private count = 0;
  private queued = 0;
  private queue: Promise<void> = Promise.resolve();

  readonly uploads = this.items.asReadonly();
  readonly uploading = computed(() =>
    this.items().some((item) => item.state === 'waiting' || item.state === 'uploading'),
  );
  /** Files the last selection could not send, with reasons. */
  readonly rejected = this.rejectedFiles.asReadonly();

  /**
   * Queues the files for the artwork; `added` receives the stages each request answered with,
   * one per file sent and in the same order (a file sent before comes back as its stage).
   * Resolves when every request has finished, successfully or not.
   */
  upload(albumId: string, files: Iterable<File>, added: StagesAdded): Promise<void> {
    const plan = planUpload(files);
    this.rejectedFiles.set(plan.rejected);
    this.items.update((items) =>
      items.filter((item) => item.state === 'waiting' || item.state === 'uploading'),
    );
    for (const batch of plan.batches) {
      const item: UploadItem = {
        id: ++this.count,
        label: batchLabel(batch),
        files: batch.length,
        loaded: 0,
        total: batch.reduce((sum, file) => sum + file.size, 0),
        state: 'waiting',
        error: null,
      };
      this.items.update((items) => [...items, item]);
      const run = () => this.send(albumId, item.id, batch, added).finally(() => this.queued--);
      // Idle: start now, so the bar moves at once; otherwise after the requests before it.
      this.queue = this.queued++ === 0 ? run() : this.queue.then(run);
    }
    return this.queue;
  }

  dismiss(id: number): void {
    this.items.update((items) => items.filter((item) => item.id !== id));
  }

  dismissRejected(): void {
    this.rejectedFiles.set([]);
  }

  private send(albumId: string, itemId: number, files: readonly File[], added: StagesAdded): Promise<void> {
    this.patch(itemId, { state: 'uploading' });
    return new Promise<void>((resolve) => {
      this.artworks.uploadStages(albumId, files).subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            this.patch(itemId, { loaded: event.loaded, ...(event.total ? { total: event.total } : {}) });
          } else if (event.type === HttpEventType.Response) {
            added(event.body?.stages ?? [], files);
            this.items.update((items) =>
              items.map((item) =>
                item.id === itemId ? { ...item, state: 'done', loaded: item.total } : item,
              ),
            );
          }
        },
        error: (error: unknown) => {
          this.patch(itemId, { state: 'failed', error: describeApiError(error) });
          resolve();
        },
        complete: () => resolve(),
      });
    });
  }

  private patch(id: number, changes: Partial<UploadItem>): void {
    this.items.update((items) => items.map((item) => (item.id === id ? { ...item, ...changes } : item)));
  }
}
