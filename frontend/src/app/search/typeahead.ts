import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { ArtworkCard, SearchResult, UserSummary } from '@gallery/contracts';
import type { Subscription } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Debouncer } from '../editor/debouncer';
import { Search, searchable } from './search';

/** How long typing must pause before the api is asked. */
export const TYPEAHEAD_DEBOUNCE_MS = 200;
/** Suggestions per group; the search page has the rest. */
export const TYPEAHEAD_PAINTERS = 4;
export const TYPEAHEAD_ARTWORKS = 5;
/** Answers remembered, so going back to an earlier text is instant. */
const REMEMBERED = 30;

/** The element id of the suggestion row at `index`, for aria-activedescendant. */
export function suggestionId(index: number): string {
  return `site-search-option-${index}`;
}

/** One row of the suggestion list, in list order: painters, then artworks, then "all results". */
export type Suggestion =
  | { readonly kind: 'painter'; readonly id: string; readonly painter: UserSummary }
  | { readonly kind: 'artwork'; readonly id: string; readonly artwork: ArtworkCard }
  | { readonly kind: 'all'; readonly id: string; readonly query: string };

/**
 * The header search's state: what was typed, the suggestions for it (asked for once typing
 * pauses; a newer text cancels an older request), whether the list is open and which row is
 * highlighted. Provided by the search box.
 */
@Injectable()
export class Typeahead {
  private readonly search = inject(Search);
  private readonly debouncer = new Debouncer(TYPEAHEAD_DEBOUNCE_MS);
  private readonly remembered = new Map<string, SearchResult>();
  private request: Subscription | null = null;

  private readonly text = signal('');
  private readonly answer = signal<{ readonly query: string; readonly result: SearchResult } | null>(null);
  private readonly status = signal<'idle' | 'waiting' | 'failed'>('idle');
  private readonly problem = signal<string | null>(null);
  private readonly expanded = signal(false);
  private readonly highlighted = signal(-1);

  /** What is in the box. */
  readonly query = this.text.asReadonly();
  readonly painters = computed(() => this.answer()?.result.users.slice(0, TYPEAHEAD_PAINTERS) ?? []);
  readonly artworks = computed(() => this.answer()?.result.albums.slice(0, TYPEAHEAD_ARTWORKS) ?? []);
  /** Every row, in the order the arrow keys walk them. */
  readonly suggestions = computed<readonly Suggestion[]>(() => {
    const query = searchable(this.text());
    if (!query) {
      return [];
    }
    return [
      ...this.painters().map((painter): Suggestion => ({ kind: 'painter', id: painter.id, painter })),
      ...this.artworks().map((artwork): Suggestion => ({ kind: 'artwork', id: artwork.id, artwork })),
      { kind: 'all', id: 'all', query },
    ];
  });
  /** The list shows while the box has something to search for and has not been dismissed. */
  readonly open = computed(() => this.expanded() && searchable(this.text()) !== null);
  /** Index into {@link suggestions}, or -1 when nothing is highlighted. */
  readonly active = this.highlighted.asReadonly();
  readonly activeSuggestion = computed(() => this.suggestions()[this.highlighted()] ?? null);
  /** Suggestions for the text in the box have not arrived yet. */
  readonly searching = computed(() => this.status() === 'waiting');
  readonly error = this.problem.asReadonly();
  /** The answer on screen is for exactly what is typed, and found nothing. */
  readonly nothingFound = computed(() => {
    const answer = this.answer();
    return (
      answer !== null &&
      answer.query === searchable(this.text()) &&
      answer.result.users.length === 0 &&
      answer.result.albums.length === 0
    );
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.debouncer.cancelAll();
      this.request?.unsubscribe();
    });
  }

  /** The text changed: open the list and ask for suggestions once typing pauses. */
  type(text: string): void {
    this.text.set(text);
    this.expanded.set(true);
    this.highlighted.set(-1);
    this.problem.set(null);
    this.debouncer.cancel('search');
    this.request?.unsubscribe();
    const query = searchable(text);
    if (!query) {
      this.answer.set(null);
      this.status.set('idle');
      return;
    }
    const known = this.remembered.get(query);
    if (known) {
      this.answer.set({ query, result: known });
      this.status.set('idle');
      return;
    }
    this.status.set('waiting');
    this.debouncer.schedule('search', () => this.ask(query));
  }

  /** Shows the list again (focus came back, or an arrow key), if there is something to show. */
  show(): void {
    this.expanded.set(true);
  }

  /** Hides the list; what was typed stays. */
  close(): void {
    this.expanded.set(false);
    this.highlighted.set(-1);
  }

  /** Empties the box. */
  clear(): void {
    this.type('');
    this.close();
  }

  /** Highlights the next (1) or previous (-1) row, wrapping around; opens a closed list first. */
  move(step: 1 | -1): void {
    if (!this.open()) {
      this.show();
      return;
    }
    const count = this.suggestions().length;
    if (count === 0) {
      return;
    }
    const current = this.highlighted();
    const next = current < 0 ? (step === 1 ? 0 : count - 1) : (current + step + count) % count;
    this.highlighted.set(next);
  }

  /** Highlights the first (`'first'`) or last row. */
  jump(to: 'first' | 'last'): void {
    const count = this.suggestions().length;
    if (this.open() && count > 0) {
      this.highlighted.set(to === 'first' ? 0 : count - 1);
    }
  }

  /** Highlights a row, e.g. under the mouse. */
  highlight(index: number): void {
    this.highlighted.set(index >= 0 && index < this.suggestions().length ? index : -1);
  }

  private ask(query: string): void {
    this.request = this.search.find(query).subscribe({
      next: (result) => {
        this.remember(query, result);
        this.answer.set({ query, result });
        this.status.set('idle');
        // The rows changed under the highlight; a row the arrows had reached may now be another.
        this.highlighted.set(-1);
      },
      error: (error: unknown) => {
        this.status.set('failed');
        this.problem.set(describeApiError(error));
      },
    });
  }

  private remember(query: string, result: SearchResult): void {
    this.remembered.delete(query);
    this.remembered.set(query, result);
    if (this.remembered.size > REMEMBERED) {
      this.remembered.delete(this.remembered.keys().next().value as string);
    }
  }
}
