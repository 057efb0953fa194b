import { type Signal, computed, signal } from '@angular/core';
import type { ArtworkCard, Page } from '@gallery/contracts';
import { type Observable, firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';

/** Fetches one page of cards; `cursor` is the previous page's nextCursor, null for the first. */
export type CardPageFetcher = (cursor: string | null) => Observable<Page<ArtworkCard>>;

/** What a card grid needs to draw a list of artworks and to ask for more. */
export interface CardSource {
  readonly cards: Signal<readonly ArtworkCard[]>;
  /** A page is on its way. */
  readonly loading: Signal<boolean>;
  /** The first page has arrived (skeletons until then). */
  readonly loaded: Signal<boolean>;
  /** Every card is on screen. */
  readonly done: Signal<boolean>;
  /** Why the last page failed, or null. */
  readonly error: Signal<string | null>;
  /** Loaded, finished and without a single card. */
  readonly empty: Signal<boolean>;
  more(): void;
}

/**
 * A list of artwork cards that grows a page at a time (a painter's works, explore, the feed,
 * favourites). `load` starts over with another fetcher; a late answer for the previous one is
 * ignored. Not injectable on purpose: each list makes its own.
 */
export class CardFeed implements CardSource {
  private readonly items = signal<readonly ArtworkCard[]>([]);
  private readonly status = signal<'idle' | 'loading' | 'failed'>('idle');
  private readonly errorMessage = signal<string | null>(null);
  private readonly started = signal(false);
  private readonly finished = signal(false);
  private fetcher: CardPageFetcher | null = null;
  private cursor: string | null = null;
  private generation = 0;

  readonly cards = this.items.asReadonly();
  readonly loading = computed(() => this.status() === 'loading');
  readonly loaded = computed(() => this.started() && !(this.loading() && this.items().length === 0));
  readonly done = this.finished.asReadonly();
  readonly error = this.errorMessage.asReadonly();
  readonly empty = computed(() => this.finished() && this.items().length === 0);

  /** Starts over with the first page of another list. */
  async load(fetcher: CardPageFetcher): Promise<void> {
    this.fetcher = fetcher;
    this.cursor = null;
    this.generation++;
    this.items.set([]);
    this.finished.set(false);
    this.status.set('idle');
    this.errorMessage.set(null);
    this.started.set(true);
    await this.next();
  }

  /** The next page; does nothing while one is loading or when all are here. */
  more(): void {
    void this.next();
  }

  /** Same as {@link more}, for callers that want to wait for the page. */
  async next(): Promise<void> {
    const fetcher = this.fetcher;
    if (!fetcher || this.status() === 'loading' || this.finished()) {
      return;
    }
    const generation = this.generation;
    this.status.set('loading');
    this.errorMessage.set(null);
    try {
      const page = await firstValueFrom(fetcher(this.cursor));
      if (generation !== this.generation) {
        return;
      }
      // Keyset pages can repeat a card whose order moved in between (a new like, a new stage).
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
