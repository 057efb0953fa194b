import type { Report, ReportAction, ReportReason, ReportTargetKind } from './reports';
import type { Role, UserSummary } from './users';

/** What an admin did, as written to the audit log. */
export const AUDIT_ACTIONS = [
  'report.dismiss',
  'album.hide',
  'album.unhide',
  'message.remove',
  'comment.remove',
  'user.suspend',
  'user.unsuspend',
  'user.role',
  'stage.reprocess',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: string;
  actor: UserSummary;
  action: AuditAction;
  target: { kind: ReportTargetKind; id: string };
  reason: string | null;
  createdAt: string;
}

/**
 * One item of the moderation queue: every report on one target, so ten reports of one artwork are
 * one decision. It is a Report (the group's oldest: resolve its id to close all of them) plus the
 * group's count, reporters and reasons.
 */
export interface ReportQueueItem extends Report {
  /** How many reports the group holds. */
  count: number;
  reasons: ReportReason[];
  reporters: UserSummary[];
  lastReportedAt: string;
}

export interface ResolveReportRequest {
  action: ReportAction;
  note?: string;
}

export interface HideArtworkRequest {
  hidden: boolean;
  reason?: string;
}

export interface RemoveMessageRequest {
  reason?: string;
}

export interface RemoveCommentRequest {
  reason?: string;
}

export interface SuspensionRequest {
  suspended: boolean;
  reason?: string;
  /** ISO time the suspension ends by itself; absent = until lifted. */
  until?: string;
}

export interface RoleRequest {
  role: Role;
}

export const ADMIN_USER_STATUSES = ['active', 'suspended'] as const;
export type AdminUserStatus = (typeof ADMIN_USER_STATUSES)[number];

export interface AdminUser extends UserSummary {
  role: Role;
  createdAt: string;
  suspended: { reason: string; at: string; until: string | null } | null;
  albumCount: number;
  reportCount: number;
}

/** The image queue's jobs by state, as both adapters count them. */
export interface QueueCounts {
  /** Ready to run, not started. */
  waiting: number;
  /** Running now. */
  active: number;
  /** Waiting for their time: debounced jobs and retries in their backoff. */
  delayed: number;
  /** Kept after their last attempt: 0, as both adapters drop them (the stage row keeps the error). */
  failed: number;
}

export interface AdminStats {
  users: number;
  suspendedUsers: number;
  artworks: number;
  hiddenArtworks: number;
  stages: Record<'pending' | 'processing' | 'ready' | 'failed', number>;
  openReports: number;
  /** null when the queue does not answer in time (Redis down). */
  queue: QueueCounts | null;
  socketsOnline: number;
  storageBytes: number;
}

/** A painter someone blocked. */
export interface BlockedUser extends UserSummary {
  blockedAt: string;
}
