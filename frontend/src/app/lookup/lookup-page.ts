import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LookupMatch } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { StageImage } from '../artwork/stage-image';
import { ProcessApi } from '../process/process-api';
import { isImageFile, matchLabel, stageLabel } from './lookup-match';

type LookupState =
  | { readonly status: 'idle' }
  | { readonly status: 'searching' }
  | { readonly status: 'done'; readonly matches: readonly LookupMatch[] }
  | { readonly status: 'failed'; readonly message: string };

/**
 * /lookup — "Where is this image from?": anyone drops or picks an image and sees the public
 * stages it is (same file) or looks like (a resized, re-encoded or lightly cropped copy), with
 * the artwork, its painter and when the stage was first shown here.
 */
@Component({
  selector: 'app-lookup-page',
  imports: [DatePipe, RouterLink, StageImage],
  templateUrl: './lookup-page.html',
  styleUrl: './lookup-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LookupPage {
  private readonly api = inject(ProcessApi);

  protected readonly state = signal<LookupState>({ status: 'idle' });
  protected readonly fileName = signal<string | null>(null);
  protected readonly preview = signal<string | null>(null);
  protected readonly dragging = signal(false);
  protected readonly matchLabel = matchLabel;
  protected readonly stageLabel = stageLabel;
  private attempt = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.setPreview(null));
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) {
      void this.lookUp(file);
    }
    // The same file picked again still counts as a choice.
    input.value = '';
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) {
      event.dataTransfer.dropEffect = 'copy';
    }
    this.dragging.set(true);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files?.[0];
    if (file) {
      void this.lookUp(file);
    }
  }

  async lookUp(file: File): Promise<void> {
    const attempt = ++this.attempt;
    this.fileName.set(file.name);
    if (!isImageFile(file)) {
      this.setPreview(null);
      this.state.set({ status: 'failed', message: `${file.name} isn’t an image.` });
      return;
    }
    this.setPreview(file);
    this.state.set({ status: 'searching' });
    try {
      const { matches } = await firstValueFrom(this.api.lookup(file));
      if (attempt === this.attempt) {
        this.state.set({ status: 'done', matches });
      }
    } catch (error) {
      if (attempt === this.attempt) {
        this.state.set({ status: 'failed', message: describeApiError(error) });
      }
    }
  }

  private setPreview(file: File | null): void {
    const old = this.preview();
    if (old && typeof URL.revokeObjectURL === 'function') {
      URL.revokeObjectURL(old);
    }
    this.preview.set(file && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null);
  }
}
