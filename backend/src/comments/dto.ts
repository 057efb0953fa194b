import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, type CreateCommentRequest, type UpdateCommentRequest } from '@gallery/contracts';
import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../common/pagination';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const bodyMessage = `body must be ${LIMITS.comment.min} to ${LIMITS.comment.max} characters`;

export class CreateCommentDto implements CreateCommentRequest {
  @ApiProperty({ minLength: LIMITS.comment.min, maxLength: LIMITS.comment.max })
  @Transform(trim)
  @IsString()
  @Length(LIMITS.comment.min, LIMITS.comment.max, { message: bodyMessage })
  body!: string;

  @ApiPropertyOptional({ description: 'Comment on this stage rather than the whole artwork' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  stageId?: string;

  @ApiPropertyOptional({ description: 'Reply to this top-level comment' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  parentId?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'A point on the stage, from the left' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  x?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'A point on the stage, from the top' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  y?: number;
}

export class UpdateCommentDto implements UpdateCommentRequest {
  @ApiProperty({ minLength: LIMITS.comment.min, maxLength: LIMITS.comment.max })
  @Transform(trim)
  @IsString()
  @Length(LIMITS.comment.min, LIMITS.comment.max, { message: bodyMessage })
  body!: string;
}

export class CommentListQuery extends PageQuery {
  @ApiPropertyOptional({ description: "Only this stage's comments" })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  stageId?: string;
}
