import type { UserSummary } from './users';

/** What can be reported. `album` is an artwork (the api's historical name for it). */
export const REPORT_TARGET_KINDS = ['album', 'stage', 'message', 'user'] as const;
export type ReportTargetKind = (typeof REPORT_TARGET_KINDS)[number];

export const REPORT_REASONS = ['spam', 'abuse', 'nudity', 'copyright', 'ai-generated', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_STATUSES = ['open', 'resolved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What a moderator did when resolving a report. */
export const REPORT_ACTIONS = ['dismiss', 'hide', 'remove', 'suspend'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export interface ReportTarget {
  kind: ReportTargetKind;
  id: string;
}

export interface ReportResolution {
  action: ReportAction;
  note: string | null;
  by: UserSummary;
  at: string;
}

/** Enough of the target for a moderator to judge the report without opening it. */
export interface ReportTargetPreview {
  title?: string;
  body?: string;
  thumbUrl?: string;
  owner?: UserSummary;
}

export interface Report {
  id: string;
  target: ReportTarget;
  reason: ReportReason;
  details: string | null;
  reporter: UserSummary;
  status: ReportStatus;
  resolution: ReportResolution | null;
  createdAt: string;
  targetPreview: ReportTargetPreview;
}

export interface CreateReportRequest {
  target: ReportTarget;
  reason: ReportReason;
  details?: string;
}
