import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { CardFeed } from '../artwork/card-feed';
import { CardGrid } from '../artwork/card-grid';
import { Social } from '../social/social';
import { EmptyState } from '../ui/empty-state';

/** /favorites — the artworks I keep, most recently favourited first. */
@Component({
  selector: 'app-favorites-page',
  imports: [CardGrid, EmptyState, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <header class="head">
        <h1>Favourites</h1>
        <p class="muted">Artworks you keep coming back to, the latest you added first.</p>
      </header>
      <app-card-grid
        class="dense"
        [source]="feed"
        [showPainter]="true"
        [skeletons]="4"
        label="Your favourites"
      >
        <app-empty-state>
          <h2>No favourites yet</h2>
          <p>
            Press <strong>Favourite</strong> on any artwork to keep it here, so you can find your way back to
            it.
          </p>
          <div class="actions">
            <a class="btn btn-primary" routerLink="/" [queryParams]="{ sort: 'popular' }">
              Find popular artworks
            </a>
          </div>
        </app-empty-state>
      </app-card-grid>
    </div>
  `,
  styles: `
    .page {
      display: grid;
      align-content: start;
      gap: clamp(20px, 4vw, 32px);
    }
    .head {
      display: grid;
      gap: 6px;
    }
    h1 {
      font-family: var(--font-display);
      font-size: clamp(1.9rem, 5vw, 2.6rem);
      font-weight: 620;
    }
  `,
})
export class FavoritesPage {
  private readonly social = inject(Social);
  protected readonly feed = new CardFeed();

  constructor() {
    void this.feed.load((cursor) => this.social.favorites(cursor));
  }
}
