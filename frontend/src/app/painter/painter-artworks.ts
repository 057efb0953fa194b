import { Injectable, computed, inject, signal } from '@angular/core';
import type { AlbumCard } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Artworks } from '../artwork/artworks';

/** Artworks per page on a painter's page. */
export const PAGE_SIZE = 24;

/**
 * A painter's artworks, newest first, a page at a time. Provided by the grid that shows them.
 */
@Injectable()
export class PainterArtworks {
  private readonly artworks = inject(Artworks);
  private readonly items = signal<readonly AlbumCard[]>([]);
  private readonly status = signal<'idle' | 'loading' | 'failed'>('idle');
  private readonly errorMessage = signal<string | null>(null);
  private readonly started = signal(false);
  private readonly finished = signal(false);
  private username: string | null = null;
  private cursor: string | null = null;
  /** Bumped when another painter is loaded, so a late answer for the previous one is ignored. */
  private generation = 0;

  readonly cards = this.items.asReadonly();
  readonly loading = computed(() => this.status() === 'loading');
  /** The first page has arrived. */
  readonly loaded = computed(() => this.started() && !(this.loading() && this.items().length === 0));
  /** Every artwork is on screen. */
  readonly done = this.finished.asReadonly();
  readonly error = this.errorMessage.asReadonly();
  readonly empty = computed(() => this.finished() && this.items().length === 0);

  /** Starts over with this painter's newest artworks. */
  async load(username: string): Promise<void> {
    this.username = username;
    this.cursor = null;
    this.generation++;
    this.items.set([]);
    this.finished.set(false);
    this.status.set('idle');
    this.errorMessage.set(null);
    this.started.set(true);
    await this.more();
  }

  /** The next page; does nothing while one is loading or when all are here. */
  async more(): Promise<void> {
    const username = this.username;
    if (!username || this.status() === 'loading' || this.finished()) {
      return;
    }
    const generation = this.generation;
    this.status.set('loading');
    this.errorMessage.set(null);
    try {
      const page = await firstValueFrom(this.artworks.byPainter(username, this.cursor, PAGE_SIZE));
      if (generation !== this.generation) {
        return;
      }
      const known = new Set(this.items().map((card) => card.id));
      this.items.update((items) => [...items, ...page.items.filter((card) => !known.has(card.id))]);
      this.cursor = page.nextCursor;
      this.finished.set(page.nextCursor === null);
      this.status.set('idle');
    } catch (error) {
      if (generation === this.generation) {
        this.status.set('failed');
        this.errorMessage.set(describeApiError(error));
      }
    }
  }
}
