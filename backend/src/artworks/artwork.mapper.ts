import { Injectable } from '@nestjs/common';
import type { Artwork } from '@gallery/contracts';
import { StageMapper } from '../stages/stage.mapper';
import type { StageEntity } from '../stages/stage.entity';
import { UserMapper } from '../users/user.mapper';
import type { ArtworkEntity } from './artwork.entity';

/** Artwork rows to API shapes. Needs the artwork's owner loaded. */
@Injectable()
export class ArtworkMapper {
  constructor(
    private readonly stages: StageMapper,
    private readonly users: UserMapper,
  ) {}

  /** `stages` in any order; they are sorted by position here. */
  artwork(album: ArtworkEntity, stages: StageEntity[], viewerId: string | null): Artwork {
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
      stages: sorted.map((s) => this.stages.stage(s)),
      likeCount: album.likeCount,
      favoriteCount: album.favoriteCount,
      commentCount: album.commentCount,
      commentsOff: album.commentsOff,
      critiqueWanted: album.critiqueWanted,
      likedByMe: false,
      favoritedByMe: false,
      createdAt: album.createdAt.toISOString(),
      updatedAt: album.updatedAt.toISOString(),
    };
  }
}
