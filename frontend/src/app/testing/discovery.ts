import type { ArtworkCard, UserSummary } from '@gallery/contracts';

import { image } from './artworks';

/** Builders for discovery specs: painters and artwork cards with only what a test cares about. */

export function painter(username: string, displayName = username): UserSummary {
  return { id: `u-${username}`, username, displayName, avatarUrl: null };
}

export function card(id: string, title: string, changes: Partial<ArtworkCard> = {}): ArtworkCard {
  return {
    id,
    title,
    owner: painter('clara', 'Clara Vasquez'),
    cover: image(id),
    stageCount: 1,
    likeCount: 0,
    commentCount: 0,
    likedByMe: false,
    favoritedByMe: false,
    createdAt: '2026-05-02T10:00:00.000Z',
    updatedAt: '2026-05-02T10:00:00.000Z',
    ...changes,
  };
}
