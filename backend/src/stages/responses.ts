import { ApiProperty } from '@nestjs/swagger';
import {
  STAGE_KINDS,
  STAGE_STATUSES,
  type DeepZoomTiles,
  type Image,
  type Pin,
  type Stage,
  type StageColor,
  type StageKind,
  type StageStatus,
} from '@gallery/contracts';

/** Swagger descriptions of the stage shapes; `implements` keeps them in step with contracts. */
export class DeepZoomTilesDto implements DeepZoomTiles {
  @ApiProperty({ description: 'DeepZoom descriptor; tiles at <url without .dzi>_files/<level>/<x>_<y>.webp' })
  url!: string;
  @ApiProperty({ enum: ['dzi'] }) format!: 'dzi';
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
}

export class PinDto implements Pin {
  @ApiProperty() id!: string;
  @ApiProperty() stageId!: string;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'fraction of the image width, from the left' })
  x!: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'fraction of the image height, from the top' })
  y!: number;
  @ApiProperty({ minLength: 1, maxLength: 1000 }) body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ImageDto implements Image {
  @ApiProperty() thumbUrl!: string;
  @ApiProperty() previewUrl!: string;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty({ type: String, nullable: true, description: 'thumbhash, base64' }) placeholder!:
    string | null;
  @ApiProperty({
    type: DeepZoomTilesDto,
    nullable: true,
    description: 'null until made, or when the preview is already full size',
  })
  tiles!: DeepZoomTilesDto | null;
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
  @ApiProperty({ type: [PinDto], description: 'oldest first' }) pins!: PinDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class StagesDto {
  @ApiProperty({ type: [StageDto] }) stages!: StageDto[];
}
