import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LIMITS,
  STAGE_KINDS,
  type ReorderStagesRequest,
  type StageKind,
  type UpdateStageRequest,
} from '@gallery/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, MaxLength, ValidateIf } from 'class-validator';

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
