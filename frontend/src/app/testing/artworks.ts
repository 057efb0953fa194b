import type { Artwork, Image, Stage, StageKind } from '@gallery/contracts';

/** Builders for specs: a plausible artwork, with only what a test cares about spelled out. */

export function image(name: string, width = 1200, height = 900): Image {
  return {
    thumbUrl: `/media/${name}-thumb.webp`,
    previewUrl: `/media/${name}-preview.webp`,
    width,
    height,
    placeholder: null,
    tiles: null,
  };
}

export function stage(id: string, position: number, changes: Partial<Stage> = {}): Stage {
  const kind: StageKind = 'sketch';
  return {
    id,
    position,
    kind,
    title: '',
    note: '',
    status: 'ready',
    error: null,
    image: image(id),
    colors: [],
    pins: [],
    createdAt: '2026-05-02T10:00:00.000Z',
    ...changes,
  };
}

export function album(stages: Stage[], changes: Partial<Artwork> = {}): Artwork {
  return {
    id: 'art-1',
    title: 'Harbour at dawn',
    description: '',
    visibility: 'public',
    shareCode: 'share-code-1',
    owner: { id: '7', username: 'clara', displayName: 'Clara Vasquez', avatarUrl: null },
    cover: stages[0]?.image ?? null,
    coverStageId: stages[0]?.id ?? null,
    coverPinned: false,
    stages,
    likeCount: 0,
    commentCount: 0,
    commentsOff: false,
    critiqueWanted: false,
    favoriteCount: 0,
    likedByMe: false,
    favoritedByMe: false,
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-02T10:00:00.000Z',
    ...changes,
  };
}
