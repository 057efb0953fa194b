import { ApiProperty } from '@nestjs/swagger';
import type { FavoriteState, FollowState, LikeState } from '@gallery/contracts';

export class LikeStateDto implements LikeState {
  @ApiProperty() likeCount!: number;
  @ApiProperty() likedByMe!: boolean;
}

export class FavoriteStateDto implements FavoriteState {
  @ApiProperty() favoriteCount!: number;
  @ApiProperty() favoritedByMe!: boolean;
}

export class FollowStateDto implements FollowState {
  @ApiProperty() followerCount!: number;
  @ApiProperty() followedByMe!: boolean;
}
