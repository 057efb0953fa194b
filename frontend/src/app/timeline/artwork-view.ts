import { Injectable, computed, inject, signal } from '@angular/core';
import type { Artwork, Stage } from '@gallery/contracts';
import { type Observable, firstValueFrom } from 'rxjs';

import { describeApiError, hasStatus } from '../api/api-error';
import { Artworks } from '../artwork/artworks';
import { followStages } from '../artwork/live';
import { isProcessing } from '../artwork/stages';

/** How the artwork page was reached: /a/:id or a share link /s/:code. */
export type ArtworkAddress = { readonly id: string } | { readonly code: string };

type ViewState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly album: Artwork }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly message: string };

/**
 * The artwork a visitor is looking at, kept current while stages are still being processed.
 * Provided by the artwork page.
 */
@Injectable()
export class ArtworkView {
  private readonly artworks = inject(Artworks);
  private readonly state = signal<ViewState>({ status: 'loading' });
  private address: ArtworkAddress | null = null;
  private opened = 0;

  readonly album = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.album : null;
  });
  readonly loading = computed(() => this.state().status === 'loading');
  /** Absent, or hidden from this visitor (unlisted and not theirs). */
  readonly missing = computed(() => this.state().status === 'missing');
  readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? state.message : null;
  });
  readonly stages = computed(() => this.album()?.stages ?? []);
  /** The stages that can be enlarged, in timeline order. */
  readonly readyStages = computed(() => this.stages().filter((stage) => stage.image !== null));
  readonly busy = computed(() => this.stages().some(isProcessing));

  constructor() {
    followStages({
      albumId: computed(() => this.album()?.id ?? null),
      busy: this.busy,
      apply: (stage) => this.apply(stage),
      refresh: () => this.refresh(),
    });
  }

  async open(address: ArtworkAddress): Promise<void> {
    this.address = address;
    const attempt = ++this.opened;
    this.state.set({ status: 'loading' });
    try {
      const album = await firstValueFrom(this.fetch(address));
      if (attempt === this.opened) {
        this.state.set({ status: 'ready', album });
      }
    } catch (error) {
      if (attempt === this.opened) {
        this.state.set(
          hasStatus(error, 404)
            ? { status: 'missing' }
            : { status: 'failed', message: describeApiError(error) },
        );
      }
    }
  }

  /** Fetches the artwork again, quietly: a failure keeps what is on screen. */
  async refresh(): Promise<void> {
    const address = this.address;
    const attempt = this.opened;
    if (!address || !this.album()) {
      return;
    }
    const album = await firstValueFrom(this.fetch(address));
    if (attempt === this.opened) {
      this.state.set({ status: 'ready', album });
    }
  }

  /** A stage as the server announces it; an unknown one means the artwork changed: fetch it. */
  apply(update: Stage): void {
    const album = this.album();
    if (!album) {
      return;
    }
    if (!album.stages.some((stage) => stage.id === update.id)) {
      void this.refresh().catch(() => undefined);
      return;
    }
    const stage = withoutArtworkId(update);
    const stages = album.stages
      .map((s) => (s.id === stage.id ? stage : s))
      .sort((a, b) => a.position - b.position);
    this.state.set({ status: 'ready', album: { ...album, stages } });
  }

  private fetch(address: ArtworkAddress): Observable<Artwork> {
    return 'id' in address ? this.artworks.get(address.id) : this.artworks.shared(address.code);
  }
}

/** Socket payloads carry the album id; the stage itself does not. */
function withoutArtworkId(stage: Stage): Stage {
  const copy: Stage & { albumId?: string } = { ...stage };
  delete copy.albumId;
  return copy;
}
