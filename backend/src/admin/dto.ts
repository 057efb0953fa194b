import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ADMIN_USER_STATUSES,
  LIMITS,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  type AdminUserStatus,
  type HideArtworkRequest,
  type RemoveCommentRequest,
  type RemoveMessageRequest,
  type ReportAction,
  type ReportStatus,
  type ResolveReportRequest,
  type Role,
  type RoleRequest,
  type SuspensionRequest,
} from '@gallery/contracts';
import { IsBoolean, IsDefined, IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination';

const REASON = {
  maxLength: LIMITS.moderationReason.max,
  example: 'Copied from another painter (report #12)',
};

export class ReportQueueQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: REPORT_STATUSES,
    default: 'open',
    description: 'open: the queue; resolved: past decisions',
  })
  @IsOptional()
  @IsIn(REPORT_STATUSES, { message: `status must be one of ${REPORT_STATUSES.join(', ')}` })
  status?: ReportStatus;
}

export class AdminUserQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Start of the username, or part of the display name', maxLength: 60 })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  q?: string;

  @ApiPropertyOptional({ enum: ADMIN_USER_STATUSES, description: 'Only active or only suspended accounts' })
  @IsOptional()
  @IsIn(ADMIN_USER_STATUSES, { message: `status must be one of ${ADMIN_USER_STATUSES.join(', ')}` })
  status?: AdminUserStatus;
}

export class ResolveReportDto implements ResolveReportRequest {
  @ApiProperty({
    enum: REPORT_ACTIONS,
    example: 'hide',
    description:
      'dismiss: nothing; hide: the artwork (or the stage’s artwork); remove: the message or comment; suspend: whoever owns the target (a comment’s author)',
  })
  @IsIn(REPORT_ACTIONS, { message: `action must be one of ${REPORT_ACTIONS.join(', ')}` })
  action!: ReportAction;

  @ApiPropertyOptional({
    ...REASON,
    description: 'Why; shown to the owner of a hidden artwork and in the audit log',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.moderationReason.max)
  note?: string;
}

export class HideArtworkDto implements HideArtworkRequest {
  @ApiProperty({ example: true })
  @IsDefined({ message: 'hidden is required' })
  @IsBoolean()
  hidden!: boolean;

  @ApiPropertyOptional({ ...REASON, description: 'Required to hide; shown to the owner' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.moderationReason.max)
  reason?: string;
}

export class RemoveMessageDto implements RemoveMessageRequest {
  @ApiPropertyOptional({ ...REASON, description: 'For the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.moderationReason.max)
  reason?: string;
}

export class RemoveCommentDto implements RemoveCommentRequest {
  @ApiPropertyOptional({ ...REASON, description: 'For the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.moderationReason.max)
  reason?: string;
}

export class SuspensionDto implements SuspensionRequest {
  @ApiProperty({ example: true })
  @IsDefined({ message: 'suspended is required' })
  @IsBoolean()
  suspended!: boolean;

  @ApiPropertyOptional({
    ...REASON,
    description: 'Required to suspend; the painter reads it when signing in',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.moderationReason.max)
  reason?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it ends by itself; absent: until lifted' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'until must be an ISO-8601 time' })
  until?: string;
}

export class RoleDto implements RoleRequest {
  @ApiProperty({ enum: ['user', 'admin'], example: 'admin' })
  @IsIn(['user', 'admin'], { message: 'role must be one of user, admin' })
  role!: Role;
}
