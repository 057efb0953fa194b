import { computed, signal } from '@angular/core';
import type { ArtworkCard, Page } from '@gallery/contracts';
import { type Observable, firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import type { CardSource } from './card-feed';

/**
 * A short list of cards from one page, with nothing more to load (the "more by this painter"
 * kind of list). `keep` filters the page, e.g. to leave out the artwork on screen.
 */
export class CardList implements CardSource {
  private readonly items = signal<readonly ArtworkCard[]>([]);
  private readonly status = signal<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  private readonly errorMessage = signal<string | null>(null);
  private last: {
    request: () => Observable<Page<ArtworkCard>>;
    keep: (card: ArtworkCard) => boolean;
  } | null = null;
  private generation = 0;

  readonly cards = this.items.asReadonly();
  readonly loading = computed(() => this.status() === 'loading');
  readonly loaded = computed(() => this.status() === 'ready' || this.status() === 'failed');
  readonly done = computed(() => this.status() === 'ready');
  readonly error = this.errorMessage.asReadonly();
  readonly empty = computed(() => this.status() === 'ready' && this.items().length === 0);

  constructor(private readonly max: number) {}

  async load(
    request: () => Observable<Page<ArtworkCard>>,
    keep: (card: ArtworkCard) => boolean,
  ): Promise<void> {
    this.last = { request, keep };
    const generation = ++this.generation;
    this.status.set('loading');
    this.errorMessage.set(null);
    try {
      const page = await firstValueFrom(request());
      if (generation === this.generation) {
        this.items.set(page.items.filter(keep).slice(0, this.max));
        this.status.set('ready');
      }
    } catch (error) {
      if (generation === this.generation) {
        this.status.set('failed');
        this.errorMessage.set(describeApiError(error));
      }
    }
  }

  /** The grid's "Try again" after a failure; a loaded list has no more. */
  more(): void {
    const last = this.last;
    if (last && this.status() === 'failed') {
      void this.load(last.request, last.keep);
    }
  }
}
