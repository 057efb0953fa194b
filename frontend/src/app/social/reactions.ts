import { Injectable, computed, inject } from '@angular/core';
import type { Artwork } from '@gallery/contracts';
import { map } from 'rxjs';

import { OptimisticToggle } from './optimistic-toggle';
import { signInFirst } from './sign-in-first';
import { Social } from './social';

/** What the like and favourite buttons need to know about an artwork. */
export type Reactable = Pick<Artwork, 'id' | 'likeCount' | 'likedByMe' | 'favoriteCount' | 'favoritedByMe'>;

/**
 * Likes and favourites of the artwork on screen, changed at once and confirmed by the api
 * afterwards (undone, with a message, when it refuses). Provided by the buttons that show them.
 */
@Injectable()
export class Reactions {
  private readonly social = inject(Social);
  private readonly signedIn = signInFirst();
  private albumId: string | null = null;

  private readonly likes = new OptimisticToggle(
    (on) =>
      this.social
        .like(this.id(), on)
        .pipe(map(({ likeCount, likedByMe }) => ({ count: likeCount, on: likedByMe }))),
    (on) => (on ? 'Your like wasn’t saved.' : 'Your like is still there.'),
  );
  private readonly favorites = new OptimisticToggle(
    (on) =>
      this.social
        .favorite(this.id(), on)
        .pipe(map(({ favoriteCount, favoritedByMe }) => ({ count: favoriteCount, on: favoritedByMe }))),
    (on) => (on ? 'It wasn’t added to your favourites.' : 'It’s still in your favourites.'),
  );

  readonly liked = this.likes.on;
  readonly likeCount = this.likes.count;
  readonly favorited = this.favorites.on;
  readonly favoriteCount = this.favorites.count;
  /** Why the last change was undone, or null. */
  readonly error = computed(() => this.likes.error() ?? this.favorites.error());

  /** Shows this artwork's numbers; fresher copies of the same artwork wait for our own changes. */
  show(album: Reactable): void {
    const likes = { on: album.likedByMe, count: album.likeCount };
    const favorites = { on: album.favoritedByMe, count: album.favoriteCount };
    if (album.id === this.albumId) {
      this.likes.refresh(likes);
      this.favorites.refresh(favorites);
      return;
    }
    this.albumId = album.id;
    this.likes.reset(likes);
    this.favorites.reset(favorites);
  }

  async toggleLike(): Promise<void> {
    if (this.signedIn('Sign in to like this artwork')) {
      await this.likes.toggle();
    }
  }

  async toggleFavorite(): Promise<void> {
    if (this.signedIn('Sign in to keep this artwork in your favourites')) {
      await this.favorites.toggle();
    }
  }

  private id(): string {
    if (!this.albumId) {
      throw new Error('Reactions.show() names the artwork first');
    }
    return this.albumId;
  }
}
