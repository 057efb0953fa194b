import type { UserSummary } from './users';

/** What can be reported. `album` is an artwork (the api's historical name for it). */
export const REPORT_TARGET_KINDS = ['album', 'stage', 'message', 'user', 'comment'] as const;
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
  /** The artwork's or stage's title, the painter's name; for a comment, the artwork (and stage) it is on. */
  title?: string;
  /** The start of a message's or comment's text. */
  body?: string;
  thumbUrl?: string;
  /** Whose it is: the painter, the sender, the comment's author. */
  owner?: UserSummary;
  /** Where the web app shows it (a path such as `/a/{id}?stage=2#comment-{id}`); absent for messages. */
  link?: string;
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
