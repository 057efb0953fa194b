import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Artwork, Profile } from '@gallery/contracts';

import { Artworks } from '../artwork/artworks';
import { CardGrid } from '../artwork/card-grid';
import { CardList } from '../artwork/card-list';
import { hueName } from '../explore/explore-state';
import { FollowButton } from '../social/follow-button';
import { Avatar } from '../ui/avatar';

/** How many cards each list shows. */
const CARDS = 6;

/**
 * Where the artwork page goes on after the last stage: more by the same painter, the painter
 * with Follow, and works of a similar colour (by the cover's main hue, as Explore browses it).
 * The artwork on screen is never offered again.
 */
@Component({
  selector: 'app-more-works',
  imports: [Avatar, CardGrid, FollowButton, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './more-works.html',
  styleUrl: './more-works.css',
})
export class MoreWorks {
  private readonly artworks = inject(Artworks);

  readonly album = input.required<Artwork>();
  readonly profile = input<Profile | null>(null);
  /** The cover's main hue (0–359), or null when its colours are not known. */
  readonly hue = input<number | null>(null);
  /** The painter is looking at their own artwork: no Follow. */
  readonly own = input(false);

  protected readonly byPainter = new CardList(CARDS);
  protected readonly similar = new CardList(CARDS);
  protected readonly hueName = hueName;

  private readonly load = effect(() => {
    const { id, owner } = this.album();
    const hue = this.hue();
    const other = (card: { id: string }) => card.id !== id;
    untracked(() => {
      // One more than shown, since the artwork on screen may be among them.
      void this.byPainter.load(() => this.artworks.byPainter(owner.username, null, CARDS + 1), other);
      if (hue !== null) {
        void this.similar.load(() => this.artworks.explore('popular', hue, null, CARDS + 1), other);
      }
    });
  });
}
