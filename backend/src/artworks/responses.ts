import { ApiProperty } from '@nestjs/swagger';
import {
  STAGE_KINDS,
  STAGE_STATUSES,
  VISIBILITIES,
  type Artwork,
  type ArtworkCard,
  type Image,
  type Page,
  type Stage,
  type StageColor,
  type StageKind,
  type StageStatus,
  type Visibility,
} from '@gallery/contracts';
import { UserSummaryDto } from '../users/responses';

/** Swagger descriptions of the artwork shapes; `implements` keeps them in step with contracts. */
export class ImageDto implements Image {
  @ApiProperty() thumbUrl!: string;
  @ApiProperty() previewUrl!: string;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty({ type: String, nullable: true, description: 'thumbhash, base64' }) placeholder!:
    string | null;
}

export class StageColorDto implements StageColor {
  @ApiProperty({ example: '#c0392b' }) hex!: string;
  @ApiProperty({ minimum: 0, maximum: 359 }) hue!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) weight!: number;
}

export class StageDto implements Stage {
  @ApiProperty() id!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: STAGE_KINDS }) kind!: StageKind;
  @ApiProperty() title!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ enum: STAGE_STATUSES }) status!: StageStatus;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: ImageDto, nullable: true }) image!: ImageDto | null;
  @ApiProperty({ type: [StageColorDto] }) colors!: StageColorDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

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
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ArtworkCardDto implements ArtworkCard {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: UserSummaryDto }) owner!: UserSummaryDto;
  @ApiProperty({ type: ImageDto, nullable: true }) cover!: ImageDto | null;
  @ApiProperty() stageCount!: number;
  @ApiProperty() likeCount!: number;
  @ApiProperty({ description: 'false when nobody is signed in' }) likedByMe!: boolean;
  @ApiProperty({ description: 'false when nobody is signed in' }) favoritedByMe!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ArtworkCardPageDto implements Page<ArtworkCard> {
  @ApiProperty({ type: [ArtworkCardDto] }) items!: ArtworkCardDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class StagesDto {
  @ApiProperty({ type: [StageDto] }) stages!: StageDto[];
}
