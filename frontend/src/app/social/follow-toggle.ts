import { Injectable, inject } from '@angular/core';
import type { Profile } from '@gallery/contracts';
import { map } from 'rxjs';

import { OptimisticToggle } from './optimistic-toggle';
import { signInFirst } from './sign-in-first';
import { Social } from './social';

/**
 * Whether I follow the painter on screen, and how many do: changed at once, confirmed by the
 * api afterwards (undone, with a message, when it refuses). Provided by the painter page, whose
 * follower count it keeps.
 */
@Injectable()
export class FollowToggle {
  private readonly social = inject(Social);
  private readonly signedIn = signInFirst();
  private username: string | null = null;

  private readonly toggle = new OptimisticToggle(
    (on) => {
      const username = this.username;
      if (!username) {
        throw new Error('FollowToggle.show() names the painter first');
      }
      return this.social
        .follow(username, on)
        .pipe(map(({ followerCount, followedByMe }) => ({ count: followerCount, on: followedByMe })));
    },
    (on) => (on ? 'You’re not following yet.' : 'You’re still following.'),
  );

  readonly following = this.toggle.on;
  readonly followerCount = this.toggle.count;
  readonly pending = this.toggle.pending;
  /** Why the last change was undone, or null. */
  readonly error = this.toggle.error;

  /** Shows this painter's numbers; a fresher copy of the same painter waits for our change. */
  show(profile: Pick<Profile, 'username' | 'followerCount' | 'followedByMe'>): void {
    const state = { on: profile.followedByMe, count: profile.followerCount };
    if (profile.username === this.username) {
      this.toggle.refresh(state);
    } else {
      this.username = profile.username;
      this.toggle.reset(state);
    }
  }

  async flip(): Promise<void> {
    if (this.signedIn(`Sign in to follow ${this.username ? `@${this.username}` : 'this painter'}`)) {
      await this.toggle.toggle();
    }
  }
}
