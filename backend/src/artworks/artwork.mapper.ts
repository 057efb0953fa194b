import type { Artwork, Image, Stage } from '@gallery/contracts';
import type { StageEntity } from '../stages/stage.entity';
import type { MediaStorage } from '../storage/media-storage';
import type { UserMapper } from '../users/user.mapper';
import type { ArtworkEntity } from './artwork.entity';

/** The columns of a stage that make its image. */
export type CoverColumns = Pick<
  StageEntity,
  'status' | 'thumbKey' | 'previewKey' | 'width' | 'height' | 'placeholder'
>;

/** Entities to API shapes. Needs the album's owner loaded. */
export class ArtworkMapper {
  constructor(
    private readonly storage: MediaStorage,
    private readonly users: UserMapper,
  ) {}

  /** Any row with the image columns will do: a card query selects just them. */
  image(stage: CoverColumns | undefined | null): Image | null {
    if (!stage || stage.status !== 'ready' || !stage.thumbKey || !stage.previewKey) return null;
    return {
      thumbUrl: this.storage.url(stage.thumbKey),
      previewUrl: this.storage.url(stage.previewKey),
      width: stage.width,
      height: stage.height,
      placeholder: stage.placeholder,
    };
  }

  stage(stage: StageEntity): Stage {
    return {
      id: stage.id,
      position: stage.position,
      kind: stage.kind,
      title: stage.title,
      note: stage.note,
      status: stage.status,
      error: stage.error,
      image: this.image(stage),
      colors: stage.colors ?? [],
      createdAt: stage.createdAt.toISOString(),
    };
  }

  /** `stages` in any order; they are sorted by position here. */
  album(album: ArtworkEntity, stages: StageEntity[], viewerId: string | null): Artwork {
    const sorted = [...stages].sort((a, b) => a.position - b.position);
    const cover = sorted.find((s) => s.id === album.coverStageId);
    return {
      id: album.id,
      title: album.title,
      description: album.description,
      visibility: album.visibility,
      shareCode: viewerId === album.ownerId ? album.shareCode : null,
      owner: this.users.summary(album.owner),
      cover: this.image(cover),
      coverStageId: album.coverStageId,
      coverPinned: album.coverPinned,
      stages: sorted.map((s) => this.stage(s)),
      likeCount: album.likeCount,
      favoriteCount: album.favoriteCount,
      likedByMe: false,
      favoritedByMe: false,
      createdAt: album.createdAt.toISOString(),
      updatedAt: album.updatedAt.toISOString(),
    };
  }
}
