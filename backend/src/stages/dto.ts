import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LIMITS,
  STAGE_KINDS,
  type CreatePinRequest,
  type ReorderStagesRequest,
  type UpdatePinRequest,
  type StageKind,
  type UpdateStageRequest,
} from '@gallery/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export class UpdateStageDto implements UpdateStageRequest {
  @ApiPropertyOptional({ maxLength: LIMITS.stageTitle.max })
  @ValidateIf((o: UpdateStageDto) => o.title !== undefined)
  @IsString()
  @MaxLength(LIMITS.stageTitle.max, { message: `title must be at most ${LIMITS.stageTitle.max} characters` })
  title?: string;

  @ApiPropertyOptional({
    maxLength: LIMITS.stageNote.max,
    description: "The painter's thoughts, problems, breakthroughs",
  })
  @ValidateIf((o: UpdateStageDto) => o.note !== undefined)
  @IsString()
  @MaxLength(LIMITS.stageNote.max, { message: `note must be at most ${LIMITS.stageNote.max} characters` })
  note?: string;

  @ApiPropertyOptional({ enum: STAGE_KINDS })
  @ValidateIf((o: UpdateStageDto) => o.kind !== undefined)
  @IsIn(STAGE_KINDS, { message: `kind must be one of ${STAGE_KINDS.join(', ')}` })
  kind?: StageKind;
}

export class ReorderStagesDto implements ReorderStagesRequest {
  @ApiProperty({ type: [String], description: 'Every stage of the artwork, exactly once, in the new order' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique({ message: 'stageIds must not repeat a stage' })
  @IsString({ each: true })
  stageIds!: string[];
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const pinBodyMessage = `body must be ${LIMITS.pinBody.min} to ${LIMITS.pinBody.max} characters`;
const fraction = (axis: 'x' | 'y') => ({ message: `${axis} must be a number from 0 to 1` });

export class CreatePinDto implements CreatePinRequest {
  @ApiProperty({ minimum: 0, maximum: 1, description: 'fraction of the image width, from the left' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, fraction('x'))
  @Min(0, fraction('x'))
  @Max(1, fraction('x'))
  x!: number;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'fraction of the image height, from the top' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, fraction('y'))
  @Min(0, fraction('y'))
  @Max(1, fraction('y'))
  y!: number;

  @ApiProperty({ minLength: LIMITS.pinBody.min, maxLength: LIMITS.pinBody.max })
  @Transform(trim)
  @IsString({ message: pinBodyMessage })
  @Length(LIMITS.pinBody.min, LIMITS.pinBody.max, { message: pinBodyMessage })
  body!: string;
}

/** Absent fields stay as they are. */
export class UpdatePinDto implements UpdatePinRequest {
  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @ValidateIf((o: UpdatePinDto) => o.x !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false }, fraction('x'))
  @Min(0, fraction('x'))
  @Max(1, fraction('x'))
  x?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @ValidateIf((o: UpdatePinDto) => o.y !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false }, fraction('y'))
  @Min(0, fraction('y'))
  @Max(1, fraction('y'))
  y?: number;

  @ApiPropertyOptional({ minLength: LIMITS.pinBody.min, maxLength: LIMITS.pinBody.max })
  @ValidateIf((o: UpdatePinDto) => o.body !== undefined)
  @Transform(trim)
  @IsString({ message: pinBodyMessage })
  @Length(LIMITS.pinBody.min, LIMITS.pinBody.max, { message: pinBodyMessage })
  body?: string;
}
