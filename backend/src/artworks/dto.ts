import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LIMITS,
  VISIBILITIES,
  type CreateArtworkRequest,
  type UpdateArtworkRequest,
  type Visibility,
} from '@gallery/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const titleMessage = `title must be ${LIMITS.albumTitle.min} to ${LIMITS.albumTitle.max} characters`;
const descriptionMessage = `description must be at most ${LIMITS.albumDescription.max} characters`;

export class CreateArtworkDto implements CreateArtworkRequest {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.albumTitle.max, example: 'Harbour at dusk' })
  @Transform(trim)
  @IsString()
  @Length(LIMITS.albumTitle.min, LIMITS.albumTitle.max, { message: titleMessage })
  title!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.albumDescription.max })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.albumDescription.max, { message: descriptionMessage })
  description?: string;

  @ApiPropertyOptional({ enum: VISIBILITIES, default: 'public' })
  @IsOptional()
  @IsIn(VISIBILITIES, { message: 'visibility must be public or unlisted' })
  visibility?: Visibility;
}

/** Absent fields stay as they are; `coverStageId: null` unpins the cover (back to the newest stage). */
export class UpdateArtworkDto implements UpdateArtworkRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: LIMITS.albumTitle.max })
  @ValidateIf((o: UpdateArtworkDto) => o.title !== undefined)
  @Transform(trim)
  @IsString()
  @Length(LIMITS.albumTitle.min, LIMITS.albumTitle.max, { message: titleMessage })
  title?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.albumDescription.max })
  @ValidateIf((o: UpdateArtworkDto) => o.description !== undefined)
  @IsString()
  @MaxLength(LIMITS.albumDescription.max, { message: descriptionMessage })
  description?: string;

  @ApiPropertyOptional({ enum: VISIBILITIES })
  @ValidateIf((o: UpdateArtworkDto) => o.visibility !== undefined)
  @IsIn(VISIBILITIES, { message: 'visibility must be public or unlisted' })
  visibility?: Visibility;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pin this stage as the cover; null unpins',
  })
  @ValidateIf((o: UpdateArtworkDto) => o.coverStageId !== undefined && o.coverStageId !== null)
  @IsString()
  @MaxLength(36)
  coverStageId?: string | null;

  @ApiPropertyOptional({ description: 'Turn comments off (or back on)' })
  @IsOptional()
  @IsBoolean()
  commentsOff?: boolean;

  @ApiPropertyOptional({ description: 'Ask viewers for critique: a prompt above the comment box' })
  @IsOptional()
  @IsBoolean()
  critiqueWanted?: boolean;
}
