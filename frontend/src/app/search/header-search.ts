import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';

import { Suggestions } from './suggestions';
import { type Suggestion, Typeahead, suggestionId } from './typeahead';

/**
 * The header's search box: suggestions as you type (painters, then artworks), walked with the
 * arrow keys, opened with Enter or a click; Enter with nothing highlighted opens the search page.
 * Follows the ARIA combobox pattern: focus stays in the box and `aria-activedescendant` points
 * at the highlighted row.
 */
@Component({
  selector: 'app-header-search',
  imports: [Suggestions],
  providers: [Typeahead],
  templateUrl: './header-search.html',
  styleUrl: './header-search.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(focusout)': 'closeWhenLeft($event)',
  },
})
export class HeaderSearch {
  protected readonly typeahead = inject(Typeahead);
  private readonly router = inject(Router);
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');

  protected readonly listId = 'site-search-list';
  protected readonly activeId = computed(() => {
    const index = this.typeahead.active();
    return this.typeahead.open() && index >= 0 ? suggestionId(index) : null;
  });
  /** Read out when suggestions arrive, since focus stays in the box. */
  protected readonly announcement = computed(() => {
    const typeahead = this.typeahead;
    if (!typeahead.open() || typeahead.searching()) {
      return '';
    }
    if (typeahead.error()) {
      return typeahead.error() ?? '';
    }
    if (typeahead.nothingFound()) {
      return 'No painters or artworks match.';
    }
    const painters = typeahead.painters().length;
    const artworks = typeahead.artworks().length;
    return `${count(painters, 'painter')} and ${count(artworks, 'artwork')}. Use the up and down arrows to choose.`;
  });

  protected handleKey(event: KeyboardEvent): void {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.typeahead.move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.typeahead.move(-1);
        break;
      case 'Enter':
        event.preventDefault();
        this.choose(this.typeahead.open() ? this.typeahead.activeSuggestion() : null);
        break;
      case 'Escape':
        if (this.typeahead.open()) {
          event.preventDefault();
          this.typeahead.close();
        } else if (this.typeahead.query()) {
          event.preventDefault();
          this.typeahead.clear();
        }
        break;
    }
  }

  /** Opens a suggestion; without one, the search page for what is typed. */
  protected choose(suggestion: Suggestion | null): void {
    const query = this.typeahead.query().trim();
    if (!suggestion && !query) {
      return;
    }
    this.box().nativeElement.blur();
    if (suggestion?.kind === 'painter') {
      this.typeahead.clear();
      void this.router.navigate(['/u', suggestion.painter.username]);
    } else if (suggestion?.kind === 'artwork') {
      this.typeahead.clear();
      void this.router.navigate(['/a', suggestion.artwork.id]);
    } else {
      this.typeahead.close();
      void this.router.navigate(['/search'], { queryParams: { q: query } });
    }
  }

  /** Closes the list when focus goes somewhere outside the search box and its suggestions. */
  protected closeWhenLeft(event: FocusEvent): void {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !(event.currentTarget as HTMLElement).contains(next)) {
      this.typeahead.close();
    }
  }
}

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
