import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { Artwork, Timelapse } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { Realtime } from '../realtime/realtime';
import { ProcessApi, embedSnippet } from './process-api';
import {
  TIMELAPSE_POLL_MS,
  applyTimelapseUpdate,
  awaitingFilm,
  filmFileName,
  formatBytes,
  isPlayable,
} from './timelapse-state';

/** How many times a missing film is asked for before giving up until the stages change. */
const MAX_POLLS = 60;
/** How long "Copied" stays. */
const CONFIRM_MS = 3000;

/**
 * "Play the process": the artwork's stages as one cross-faded film (an animated WebP), opened
 * over its poster in a modal dialog, with a download and an embed snippet. Hidden until the film
 * is ready; kept current by the `timelapse:updated` socket event and, while a render is awaited,
 * by polling.
 */
@Component({
  selector: 'app-play-process',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './play-process.html',
  styleUrl: './play-process.css',
})
export class PlayProcess {
  private readonly api = inject(ProcessApi);
  private readonly realtime = inject(Realtime);
  private readonly document = inject(DOCUMENT);
  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('dialog');

  readonly album = input.required<Artwork>();

  protected readonly film = signal<Timelapse | null>(null);
  protected readonly playable = computed(() => {
    const film = this.film();
    return isPlayable(film) ? film : null;
  });
  protected readonly open = signal(false);
  protected readonly message = signal('');
  protected readonly fileName = computed(() => filmFileName(this.album().title));
  protected readonly size = computed(() => formatBytes(this.film()?.bytes ?? 0));

  private readonly albumId = computed(() => this.album().id);
  /** What the film is made of: a change here means a new render is on its way. */
  private readonly revision = computed(() => {
    const album = this.album();
    return `${album.id}|${album.visibility}|${album.stages.map((s) => `${s.id}:${s.status}`).join(',')}`;
  });
  private readonly expected = computed(() => {
    const album = this.album();
    return album.visibility === 'public' && album.stages.filter((s) => s.status === 'ready').length >= 2;
  });
  private readonly awaiting = computed(() => awaitingFilm(this.film(), this.expected()));
  private requests = 0;
  private polls = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));

    effect(() => {
      this.revision();
      untracked(() => {
        this.polls = 0;
        void this.fetch();
      });
    });

    effect((onCleanup) => {
      const albumId = this.albumId();
      const subscription = this.realtime
        .albumEvents('timelapse:updated', albumId)
        .subscribe((update) => this.film.update((film) => applyTimelapseUpdate(film, albumId, update)));
      onCleanup(() => subscription.unsubscribe());
    });

    effect((onCleanup) => {
      if (!this.awaiting()) {
        return;
      }
      const poll = setInterval(() => {
        if (++this.polls > MAX_POLLS) {
          clearInterval(poll);
          return;
        }
        void this.fetch();
      }, TIMELAPSE_POLL_MS);
      onCleanup(() => clearInterval(poll));
    });
  }

  protected play(): void {
    this.open.set(true);
    const dialog = this.dialog()?.nativeElement;
    if (dialog && typeof dialog.showModal === 'function' && !dialog.open) {
      dialog.showModal();
    }
  }

  protected close(): void {
    this.dialog()?.nativeElement.close?.();
    this.open.set(false);
  }

  /** A click on the backdrop (the dialog element itself, outside its content) closes it. */
  protected backdrop(event: MouseEvent): void {
    if (event.target === event.currentTarget) {
      this.close();
    }
  }

  protected async copyEmbed(): Promise<void> {
    const film = this.film();
    if (!film) {
      return;
    }
    const album = this.album();
    const snippet = embedSnippet(this.document.location.origin, album.id, album.title, film);
    try {
      await this.document.defaultView?.navigator.clipboard.writeText(snippet);
      this.confirm('Embed code copied');
    } catch {
      this.confirm('Couldn’t copy the embed code');
    }
  }

  private async fetch(): Promise<void> {
    const request = ++this.requests;
    const albumId = this.albumId();
    try {
      const film = await firstValueFrom(this.api.timelapse(albumId));
      if (request === this.requests) {
        this.film.set(film);
      }
    } catch {
      // No film to show: the button stays hidden; the page works without it.
    }
  }

  private confirm(message: string): void {
    this.message.set(message);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.message.set(''), CONFIRM_MS);
  }
}
