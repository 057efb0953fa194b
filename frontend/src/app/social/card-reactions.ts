import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import type { ArtworkCard } from '@gallery/contracts';

import { Reactions } from './reactions';

/** What the card buttons need to know about an artwork. */
export type CardReactable = Pick<ArtworkCard, 'id' | 'title' | 'likeCount' | 'likedByMe' | 'favoritedByMe'>;

/** "1.2K" rather than "1,234": the count shares a narrow card with the painter's name. */
const SHORT_COUNT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/**
 * Like (with its count) and Favourite as small icon buttons on an artwork card. They change at
 * once and go back, with a message, if the api refuses; visitors are sent to sign in first.
 *
 * The host is `display: contents`, so the buttons and the message are items of the card's meta
 * grid: the buttons beside the painter, the message on a row of its own below them.
 */
@Component({
  selector: 'app-card-reactions',
  providers: [Reactions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './card-reactions.html',
  styleUrl: './card-reactions.css',
})
export class CardReactions {
  protected readonly reactions = inject(Reactions);

  readonly card = input.required<CardReactable>();

  protected readonly shortLikeCount = computed(() => SHORT_COUNT.format(this.reactions.likeCount()));
  protected readonly likeLabel = computed(() => {
    const count = this.reactions.likeCount();
    return `Like ${this.card().title}, ${count} ${count === 1 ? 'like' : 'likes'}`;
  });
  protected readonly favoriteLabel = computed(() => `Favourite ${this.card().title}`);

  /**
   * Only a new copy of the card re-runs this. Cards carry no favourite count, only my mark, so
   * the count the store keeps for it is never shown.
   */
  private readonly show = effect(() => {
    const card = this.card();
    untracked(() => this.reactions.show({ ...card, favoriteCount: 0 }));
  });
}
