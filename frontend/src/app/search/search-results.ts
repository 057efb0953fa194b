import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { SearchResult } from '@gallery/contracts';
import type { Subscription } from 'rxjs';

import { describeApiError } from '../api/api-error';
import type { CardSource } from '../artwork/card-feed';
import { Search } from './search';

type ResultsState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly query: string }
  | { readonly status: 'ready'; readonly query: string; readonly result: SearchResult }
  | { readonly status: 'failed'; readonly query: string; readonly message: string };

/**
 * What the search page shows for its query: artworks (as a card source for the grid) and
 * painters. A newer query cancels the request of an older one. Provided by the search page.
 */
@Injectable()
export class SearchResults implements CardSource {
  private readonly search = inject(Search);
  private readonly state = signal<ResultsState>({ status: 'idle' });
  private request: Subscription | null = null;

  /** The query the results are for, or null before any. */
  readonly query = computed(() => {
    const state = this.state();
    return state.status === 'idle' ? null : state.query;
  });
  readonly cards = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.result.albums : [];
  });
  readonly painters = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.result.users : [];
  });
  readonly loading = computed(() => this.state().status === 'loading');
  readonly loaded = computed(() => this.state().status !== 'loading');
  /** Search answers in one go: once here, there is no more to load. */
  readonly done = computed(() => this.state().status === 'ready');
  readonly error = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? state.message : null;
  });
  readonly empty = computed(() => this.done() && this.cards().length === 0);
  /** Answered, and neither an artwork nor a painter matched. */
  readonly nothing = computed(() => this.empty() && this.painters().length === 0);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  /** Searches for `query`; null (nothing typed) clears the results. */
  load(query: string | null): void {
    this.request?.unsubscribe();
    if (query === null) {
      this.state.set({ status: 'idle' });
      return;
    }
    this.state.set({ status: 'loading', query });
    this.request = this.search.find(query).subscribe({
      next: (result) => this.state.set({ status: 'ready', query, result }),
      error: (error: unknown) =>
        this.state.set({ status: 'failed', query, message: describeApiError(error) }),
    });
  }

  /** Tries a failed search again (the grid's "Try again"). */
  more(): void {
    const state = this.state();
    if (state.status === 'failed') {
      this.load(state.query);
    }
  }
}
