import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VISIBILITIES, type Artwork, type ArtworkCard, type Page, type Visibility } from '@gallery/contracts';
import { ImageDto, StageDto } from '../stages/responses';
import { UserSummaryDto } from '../users/responses';

export class ArtworkHiddenDto {
  @ApiProperty({ description: "The moderator's reason, shown to the owner" }) reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** Swagger descriptions of the artwork shapes; `implements` keeps them in step with contracts. */
export class ArtworkDto implements Artwork {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: VISIBILITIES }) visibility!: Visibility;
  @ApiProperty({ type: String, nullable: true, description: 'Only the owner sees it' }) shareCode!:
    string | null;
  @ApiProperty({ type: UserSummaryDto }) owner!: UserSummaryDto;
  @ApiProperty({ type: ImageDto, nullable: true }) cover!: ImageDto | null;
  @ApiProperty({ type: String, nullable: true }) coverStageId!: string | null;
  @ApiProperty() coverPinned!: boolean;
  @ApiProperty({ type: [StageDto] }) stages!: StageDto[];
  @ApiProperty() likeCount!: number;
  @ApiProperty() favoriteCount!: number;
  @ApiProperty() likedByMe!: boolean;
  @ApiProperty() favoritedByMe!: boolean;
  @ApiProperty() commentCount!: number;
  @ApiProperty({ description: 'Owner setting: nobody can comment' }) commentsOff!: boolean;
  @ApiProperty({ description: 'Owner setting: the painter asks for critique' }) critiqueWanted!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({
    type: ArtworkHiddenDto,
    nullable: true,
    description: 'Owner and admins only: set while a moderator hides the artwork from everyone else',
  })
  hidden?: ArtworkHiddenDto | null;
}

export class ArtworkCardDto implements ArtworkCard {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ enum: VISIBILITIES, description: 'Only on the painter’s own cards' })
  visibility?: Visibility;
  @ApiProperty({ type: UserSummaryDto }) owner!: UserSummaryDto;
  @ApiProperty({ type: ImageDto, nullable: true }) cover!: ImageDto | null;
  @ApiProperty() stageCount!: number;
  @ApiProperty() likeCount!: number;
  @ApiProperty() commentCount!: number;
  @ApiProperty({ description: 'false when nobody is signed in' }) likedByMe!: boolean;
  @ApiProperty({ description: 'false when nobody is signed in' }) favoritedByMe!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ArtworkCardPageDto implements Page<ArtworkCard> {
  @ApiProperty({ type: [ArtworkCardDto] }) items!: ArtworkCardDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
