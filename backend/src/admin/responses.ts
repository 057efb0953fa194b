import { ApiProperty } from '@nestjs/swagger';
import {
  AUDIT_ACTIONS,
  REPORT_REASONS,
  REPORT_TARGET_KINDS,
  type AdminStats,
  type AdminUser,
  type AuditAction,
  type AuditEntry,
  type Page,
  type QueueCounts,
  type ReportQueueItem,
  type ReportReason,
  type ReportTargetKind,
  type Role,
} from '@gallery/contracts';
import { ReportDto } from '../reports/responses';
import { UserSummaryDto } from '../users/responses';

/** Swagger descriptions of the admin shapes; `implements` keeps them in step with contracts. */
export class ReportQueueItemDto extends ReportDto implements ReportQueueItem {
  @ApiProperty({ example: 3, description: 'Reports in this group (one target, one decision)' })
  count!: number;
  @ApiProperty({ enum: REPORT_REASONS, isArray: true }) reasons!: ReportReason[];
  @ApiProperty({ type: [UserSummaryDto], description: 'Everyone who reported the target, first first' })
  reporters!: UserSummaryDto[];
  @ApiProperty({ format: 'date-time' }) lastReportedAt!: string;
}

export class ReportQueuePageDto implements Page<ReportQueueItem> {
  @ApiProperty({ type: [ReportQueueItemDto] }) items!: ReportQueueItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class AuditTargetDto {
  @ApiProperty({ enum: REPORT_TARGET_KINDS }) kind!: ReportTargetKind;
  @ApiProperty() id!: string;
}

export class AuditEntryDto implements AuditEntry {
  @ApiProperty() id!: string;
  @ApiProperty({ type: UserSummaryDto }) actor!: UserSummaryDto;
  @ApiProperty({ enum: AUDIT_ACTIONS, example: 'album.hide' }) action!: AuditAction;
  @ApiProperty({ type: AuditTargetDto }) target!: AuditTargetDto;
  @ApiProperty({ type: String, nullable: true, example: 'report: copyright' }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AuditPageDto implements Page<AuditEntry> {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class SuspensionStateDto {
  @ApiProperty({ example: 'Spam in the public room' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) until!: string | null;
}

export class AdminUserDto extends UserSummaryDto implements AdminUser {
  @ApiProperty({ enum: ['user', 'admin'] }) role!: Role;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: SuspensionStateDto, nullable: true }) suspended!: SuspensionStateDto | null;
  @ApiProperty({ example: 4 }) albumCount!: number;
  @ApiProperty({ example: 0, description: 'Reports on the account and its artworks, open or resolved' })
  reportCount!: number;
}

export class AdminUserPageDto implements Page<AdminUser> {
  @ApiProperty({ type: [AdminUserDto] }) items!: AdminUserDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class StagesByStatusDto {
  @ApiProperty() pending!: number;
  @ApiProperty() processing!: number;
  @ApiProperty() ready!: number;
  @ApiProperty() failed!: number;
}

class QueueCountsDto implements QueueCounts {
  @ApiProperty({ example: 2, description: 'Ready to run, not started' }) waiting!: number;
  @ApiProperty({ example: 1, description: 'Running now' }) active!: number;
  @ApiProperty({ example: 0, description: 'Debounced jobs and retries waiting for their time' })
  delayed!: number;
  @ApiProperty({
    example: 0,
    description: 'Kept after their last attempt: none, the stage row keeps the error',
  })
  failed!: number;
}

export class AdminStatsDto implements AdminStats {
  @ApiProperty({ example: 120 }) users!: number;
  @ApiProperty({ example: 1 }) suspendedUsers!: number;
  @ApiProperty({ example: 340 }) artworks!: number;
  @ApiProperty({ example: 2 }) hiddenArtworks!: number;
  @ApiProperty({ type: StagesByStatusDto }) stages!: StagesByStatusDto;
  @ApiProperty({ example: 3 }) openReports!: number;
  @ApiProperty({
    type: QueueCountsDto,
    nullable: true,
    description:
      'Image queue jobs by state (every process on Redis); null when the queue does not answer in time',
  })
  queue!: QueueCountsDto | null;
  @ApiProperty({ example: 17, description: 'Sockets connected to any api instance' }) socketsOnline!: number;
  @ApiProperty({ example: 123456789, description: 'Sum of the stored originals' }) storageBytes!: number;
}
