import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';

import { Artworks } from '../artwork/artworks';
import { CardFeed } from '../artwork/card-feed';
import { CardGrid } from '../artwork/card-grid';
import { EmptyState } from '../ui/empty-state';

/** Artworks per page on a painter's page. */
export const PAGE_SIZE = 24;

/** A painter's artworks as a grid of covers, newest first, a page at a time. */
@Component({
  selector: 'app-artwork-grid',
  imports: [CardGrid, EmptyState, RouterLink],
  template: `
    <app-card-grid [source]="feed">
      <app-empty-state>
        <h3>No artworks yet</h3>
        @if (own()) {
          <p>Post the sketch today and add each stage as the painting grows.</p>
          <div class="actions">
            <a class="btn btn-primary" routerLink="/new">Start your first artwork</a>
          </div>
        } @else {
          <p>When {{ displayName() }} publishes an artwork, it will appear here.</p>
        }
      </app-empty-state>
    </app-card-grid>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArtworkGrid {
  private readonly artworks = inject(Artworks);
  protected readonly feed = new CardFeed();

  readonly username = input.required<string>();
  readonly displayName = input.required<string>();
  /** The painter is looking at their own page. */
  readonly own = input(false);

  private readonly load = effect(() => {
    const username = this.username();
    untracked(() => void this.feed.load((cursor) => this.artworks.byPainter(username, cursor, PAGE_SIZE)));
  });
}
