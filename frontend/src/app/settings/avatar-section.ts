import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  type OnDestroy,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { LIMITS } from '@gallery/contracts';

import { describeApiError } from '../api/api-error';
import { Session } from '../auth/session';
import { Avatar } from '../ui/avatar';
import { SavedMark } from '../ui/saved-mark';
import { Account } from './account';

const MEGABYTE = 1024 * 1024;

/** Checks a chosen file before spending an upload on it; null when it may go. */
export function avatarFileProblem(file: Pick<File, 'type' | 'size'>): string | null {
  if (!file.type.startsWith('image/')) {
    return 'Choose an image file — JPEG, PNG or WebP.';
  }
  if (file.size > LIMITS.avatarBytes) {
    const limit = Math.round(LIMITS.avatarBytes / MEGABYTE);
    return `That image is ${(file.size / MEGABYTE).toFixed(1)} MB; the limit is ${limit} MB.`;
  }
  return null;
}

/** Picture upload with a preview of the chosen file before it is sent. */
@Component({
  selector: 'app-avatar-section',
  imports: [Avatar, SavedMark],
  templateUrl: './avatar-section.html',
  styleUrl: './section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AvatarSection implements OnDestroy {
  private readonly account = inject(Account);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly me = inject(Session).me;
  protected readonly limitMb = Math.round(LIMITS.avatarBytes / MEGABYTE);
  protected readonly chosen = signal<File | null>(null);
  /** Object URL of the chosen file, shown in place of the current avatar. */
  protected readonly preview = signal<string | null>(null);
  protected readonly uploading = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<string | null>(null);
  /** Points only at the hint and error that are on the page now: a missing id is a broken reference. */
  protected readonly describedBy = computed(
    () =>
      [this.chosen() ? 'settings-avatar-status' : null, this.error() ? 'settings-avatar-error' : null]
        .filter((id) => id !== null)
        .join(' ') || null,
  );

  protected choose(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.saved.set(false);
    this.error.set(null);
    this.setChosen(null);
    if (!file) {
      return;
    }
    const problem = avatarFileProblem(file);
    if (problem) {
      this.error.set(problem);
      this.fileInput().nativeElement.value = '';
      return;
    }
    this.setChosen(file);
  }

  protected async upload(): Promise<void> {
    const file = this.chosen();
    if (!file) {
      this.error.set('Choose an image first.');
      return;
    }
    this.error.set(null);
    this.uploading.set(true);
    try {
      await this.account.uploadAvatar(file);
      this.discard();
      this.saved.set(true);
    } catch (error) {
      this.error.set(
        describeApiError(error, {
          413: `That image is too large — the limit is ${this.limitMb} MB.`,
          415: 'That file is not a supported image. Try a JPEG, PNG or WebP.',
        }),
      );
    } finally {
      this.uploading.set(false);
    }
  }

  /** Forgets the chosen file and shows the current avatar again. */
  protected discard(): void {
    this.setChosen(null);
    this.fileInput().nativeElement.value = '';
  }

  ngOnDestroy(): void {
    this.setChosen(null);
  }

  private setChosen(file: File | null): void {
    const previous = this.preview();
    if (previous) {
      URL.revokeObjectURL(previous);
    }
    this.chosen.set(file);
    this.preview.set(file ? URL.createObjectURL(file) : null);
  }
}
