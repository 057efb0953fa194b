import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REPORT_ACTIONS,
  REPORT_REASONS,
  REPORT_STATUSES,
  type Report,
  type ReportAction,
  type ReportReason,
  type ReportResolution,
  type ReportStatus,
  type ReportTargetPreview,
} from '@gallery/contracts';
import { UserSummaryDto } from '../users/responses';
import { ReportTargetDto } from './dto';

/** Swagger descriptions of the report shapes; `implements` keeps them in step with contracts. */
export class ReportResolutionDto implements ReportResolution {
  @ApiProperty({ enum: REPORT_ACTIONS }) action!: ReportAction;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: UserSummaryDto }) by!: UserSummaryDto;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ReportTargetPreviewDto implements ReportTargetPreview {
  @ApiPropertyOptional({ description: "Artwork or stage title, or the user's display name" }) title?: string;
  @ApiPropertyOptional({ description: 'Start of the reported message' }) body?: string;
  @ApiPropertyOptional() thumbUrl?: string;
  @ApiPropertyOptional({ type: UserSummaryDto, description: 'Whose content it is' }) owner?: UserSummaryDto;
}

export class ReportDto implements Report {
  @ApiProperty() id!: string;
  @ApiProperty({ type: ReportTargetDto }) target!: ReportTargetDto;
  @ApiProperty({ enum: REPORT_REASONS }) reason!: ReportReason;
  @ApiProperty({ type: String, nullable: true }) details!: string | null;
  @ApiProperty({ type: UserSummaryDto }) reporter!: UserSummaryDto;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ type: ReportResolutionDto, nullable: true }) resolution!: ReportResolutionDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: ReportTargetPreviewDto }) targetPreview!: ReportTargetPreviewDto;
}
