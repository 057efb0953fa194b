import { Injectable } from '@nestjs/common';
import type { Artwork } from '@gallery/contracts';
import { StageMapper } from '../stages/stage.mapper';
import type { PinEntity } from '../stages/pin.entity';
import type { StageView } from '../stages/stage.mapper';
import { UserMapper } from '../users/user.mapper';
import type { ArtworkEntity } from './artwork.entity';

/** The artwork columns an Artwork is made of: an entity with its owner, or a plain row (artwork-rows). */
export type ArtworkView = Pick<
  ArtworkEntity,
  | 'id'
  | 'title'
  | 'description'
  | 'visibility'
  | 'shareCode'
  | 'ownerId'
  | 'coverStageId'
  | 'coverPinned'
  | 'likeCount'
  | 'favoriteCount'
  | 'commentCount'
  | 'commentsOff'
  | 'critiqueWanted'
  | 'hiddenAt'
  | 'hiddenReason'
> & {
  owner: Parameters<UserMapper['summary']>[0] & { suspendedAt?: number | null };
  createdAt: Date | string;
  updatedAt: Date | string;
};

const iso = (d: Date | string): string => (typeof d === 'string' ? d : d.toISOString());

/** Artwork rows to API shapes. Needs the artwork's owner loaded. */
@Injectable()
export class ArtworkMapper {
  constructor(
    private readonly stages: StageMapper,
    private readonly users: UserMapper,
  ) {}

  /** `stages` in any order; they are sorted by position here. `pins` by stage id, oldest first. */
  artwork(
    album: ArtworkView,
    stages: StageView[],
    pins: Map<string, PinEntity[]>,
    viewerId: string | null,
    moderator = false,
  ): Artwork {
    const sorted = [...stages].sort((a, b) => a.position - b.position);
    const cover = sorted.find((s) => s.id === album.coverStageId);
    return {
      id: album.id,
      title: album.title,
      description: album.description,
      visibility: album.visibility,
      shareCode: viewerId === album.ownerId ? album.shareCode : null,
      owner: this.users.summary(album.owner),
      cover: this.stages.image(cover),
      coverStageId: album.coverStageId,
      coverPinned: album.coverPinned,
      stages: sorted.map((s) => this.stages.stage(s, pins.get(s.id))),
      likeCount: album.likeCount,
      favoriteCount: album.favoriteCount,
      commentCount: album.commentCount,
      commentsOff: album.commentsOff,
      critiqueWanted: album.critiqueWanted,
      likedByMe: false,
      favoritedByMe: false,
      createdAt: iso(album.createdAt),
      updatedAt: iso(album.updatedAt),
      // Only the owner (and admins) can see a hidden work at all; they learn why.
      ...(viewerId === album.ownerId || moderator
        ? {
            hidden:
              album.hiddenAt !== null
                ? { reason: album.hiddenReason ?? '', at: new Date(album.hiddenAt).toISOString() }
                : null,
          }
        : {}),
    };
  }
}
