import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Clipboard } from '@angular/cdk/clipboard';
import { CdkDrag, type CdkDragDrop, type CdkDragStart, CdkDropList } from '@angular/cdk/drag-drop';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { type Artwork, LIMITS, type Stage, type Visibility } from '@gallery/contracts';

import { describeApiError } from '../api/api-error';
import { Confirm } from '../ui/confirm';
import { SavedMark } from '../ui/saved-mark';
import { ArtworkStore, SAVE_KEYS } from './artwork-store';
import { DropZone } from './drop-zone';
import { PinsStore } from './pins-store';
import { StageRow } from './stage-row';
import { StageUploads } from './stage-uploads';

/** /a/:id/edit — the painter's workbench for one artwork. Only its painter gets here. */
@Component({
  selector: 'app-artwork-editor',
  imports: [CdkDropList, CdkDrag, RouterLink, DropZone, StageRow, SavedMark],
  providers: [ArtworkStore, StageUploads, PinsStore],
  templateUrl: './artwork-editor.html',
  styleUrl: './artwork-editor.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArtworkEditor {
  protected readonly store = inject(ArtworkStore);
  private readonly confirm = inject(Confirm);
  private readonly clipboard = inject(Clipboard);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly location = this.document.location;
  private readonly changeDetector = inject(ChangeDetectorRef);

  /** Resolved by `editableArtwork` before the page opens. */
  readonly album = input.required<Artwork>();

  protected readonly limits = LIMITS;
  protected readonly keys = SAVE_KEYS;
  protected readonly shareUrl = computed(() => {
    const code = this.store.album()?.shareCode;
    return code ? `${this.location.origin}/s/${code}` : null;
  });
  /** A stage is being dragged: on phones the rows fold to one line meanwhile. */
  protected readonly dragging = signal(false);
  protected readonly copied = signal(false);
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal<string | null>(null);
  private copiedTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly openArtwork = effect(() => {
    const album = this.album();
    untracked(() => this.store.open(album));
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.copiedTimer));
  }

  protected editTitle(title: string): void {
    this.store.editDetails({ title });
  }

  protected editDescription(description: string): void {
    this.store.editDetails({ description });
  }

  protected setVisibility(visibility: Visibility): void {
    void this.store.setVisibility(visibility);
  }

  protected addFiles(files: File[]): void {
    void this.store.upload(files);
  }

  /**
   * Marks the list as dragging and renders that at once: the CDK measures the rows right after
   * this event, so on phones they must already be one line each. The page then scrolls so the
   * dragged stage's place stays under the finger.
   */
  protected dragStarted(event: CdkDragStart): void {
    const placeholder = event.source.getPlaceholderElement();
    const before = placeholder.getBoundingClientRect().top;
    this.dragging.set(true);
    this.changeDetector.detectChanges();
    const shift = placeholder.getBoundingClientRect().top - before;
    if (shift !== 0) {
      this.document.defaultView?.scrollBy({ top: shift, behavior: 'instant' });
    }
  }

  /** CDK drop: the same path as the Move buttons. */
  protected drop(event: CdkDragDrop<readonly Stage[]>): void {
    if (event.previousIndex === event.currentIndex) {
      return;
    }
    void this.store.moveStage(event.previousIndex, event.currentIndex);
    void this.announcer.announce(
      `Stage moved to position ${event.currentIndex + 1} of ${this.store.stages().length}.`,
    );
  }

  protected copyShareLink(): void {
    const url = this.shareUrl();
    if (!url) {
      return;
    }
    this.copied.set(this.clipboard.copy(url));
    clearTimeout(this.copiedTimer);
    this.copiedTimer = setTimeout(() => this.copied.set(false), 4000);
  }

  protected async deleteArtwork(): Promise<void> {
    const album = this.store.album();
    if (!album) {
      return;
    }
    const sure = await this.confirm.ask({
      title: 'Delete this artwork?',
      message: `“${album.title}” and ${stagesPhrase(album.stages.length)} will be deleted for good. This can’t be undone.`,
      confirmLabel: 'Delete artwork',
    });
    if (!sure) {
      return;
    }
    this.deleting.set(true);
    this.deleteError.set(null);
    try {
      await this.store.deleteArtwork();
      await this.router.navigate(['/u', album.owner.username], { replaceUrl: true });
    } catch (error) {
      this.deleteError.set(describeApiError(error));
    } finally {
      this.deleting.set(false);
    }
  }

  protected percent(loaded: number, total: number): number {
    return total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
  }
}

function stagesPhrase(count: number): string {
  if (count === 0) {
    return 'everything in it';
  }
  return count === 1 ? 'its one stage' : `all ${count} of its stages`;
}
