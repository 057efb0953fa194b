import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LIMITS,
  REPORT_REASONS,
  REPORT_TARGET_KINDS,
  type CreateReportRequest,
  type ReportReason,
  type ReportTarget,
  type ReportTargetKind,
} from '@gallery/contracts';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class ReportTargetDto implements ReportTarget {
  @ApiProperty({ enum: REPORT_TARGET_KINDS, description: '`album` is an artwork' })
  @IsIn(REPORT_TARGET_KINDS, { message: `target.kind must be one of ${REPORT_TARGET_KINDS.join(', ')}` })
  kind!: ReportTargetKind;

  @ApiProperty({ description: 'Id of the artwork, stage, message or user', maxLength: 36 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(36)
  id!: string;
}

export class CreateReportDto implements CreateReportRequest {
  @ApiProperty({ type: ReportTargetDto })
  @IsDefined({ message: 'target is required' })
  @ValidateNested()
  @Type(() => ReportTargetDto)
  target!: ReportTargetDto;

  @ApiProperty({ enum: REPORT_REASONS })
  @IsIn(REPORT_REASONS, { message: `reason must be one of ${REPORT_REASONS.join(', ')}` })
  reason!: ReportReason;

  @ApiPropertyOptional({ maxLength: LIMITS.reportDetails.max, description: 'What the moderator should know' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.reportDetails.max)
  details?: string;
}
