import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  untracked,
  viewChildren,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';

import { CardGrid } from '../artwork/card-grid';
import { EmptyState } from '../ui/empty-state';
import { PainterList } from './painter-list';
import { searchable } from './search';
import { SearchResults } from './search-results';

export type SearchTab = 'artworks' | 'painters';
const TABS: readonly SearchTab[] = ['artworks', 'painters'];

/** /search?q=…&tab=painters — every artwork and painter matching the query, on two tabs. */
@Component({
  selector: 'app-search-page',
  imports: [CardGrid, EmptyState, PainterList, RouterLink],
  providers: [SearchResults],
  templateUrl: './search-page.html',
  styleUrl: './search-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchPage {
  protected readonly results = inject(SearchResults);
  private readonly router = inject(Router);
  private readonly title = inject(Title);
  private readonly tabButtons = viewChildren<ElementRef<HTMLButtonElement>>('tabButton');

  /** Query parameters. */
  readonly q = input<string>();
  readonly tab = input<string>();

  protected readonly query = computed(() => searchable(this.q() ?? ''));
  protected readonly tabs = TABS;
  /** The tab asked for; without one, Painters when only painters matched. */
  protected readonly selected = computed<SearchTab>(() => {
    const asked = this.tab();
    if (asked === 'artworks' || asked === 'painters') {
      return asked;
    }
    const onlyPainters = this.results.empty() && this.results.painters().length > 0;
    return onlyPainters ? 'painters' : 'artworks';
  });

  private readonly load = effect(() => {
    const query = this.query();
    untracked(() => this.results.load(query));
  });

  private readonly pageTitle = effect(() => {
    const query = this.query();
    this.title.setTitle(query ? `“${query}” · Search · Gallery` : 'Search · Gallery');
  });

  protected label(tab: SearchTab): string {
    return tab === 'artworks' ? 'Artworks' : 'Painters';
  }

  protected count(tab: SearchTab): number | null {
    if (!this.results.done()) {
      return null;
    }
    return tab === 'artworks' ? this.results.cards().length : this.results.painters().length;
  }

  protected select(tab: SearchTab): void {
    void this.router.navigate([], {
      queryParams: { tab },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  /** Arrow keys, Home and End move between tabs (the ARIA tabs pattern, selection follows focus). */
  protected moveTab(event: KeyboardEvent): void {
    const index = TABS.indexOf(this.selected());
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) {
      return;
    }
    event.preventDefault();
    this.select(TABS[next]);
    this.tabButtons()[next]?.nativeElement.focus();
  }
}
