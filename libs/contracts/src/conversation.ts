import type { ArtworkCard } from './artworks';
import type { UserSummary } from './users';

/** A comment on an artwork, or on one of its stages (optionally pinned to a point x, y in 0..1). */
export interface Comment {
  id: string;
  albumId: string;
  stageId: string | null;
  /** The top-level comment this replies to; replies have no replies of their own. */
  parentId: string | null;
  author: UserSummary;
  /** Markdown-lite: links, *emphasis*, **strong**. Empty once deleted. */
  body: string;
  x: number | null;
  y: number | null;
  createdAt: string;
  editedAt: string | null;
  /** Deleted while it had replies: kept as a placeholder, body gone. */
  deleted: boolean;
  replyCount: number;
}

export interface CreateCommentRequest {
  body: string;
  stageId?: string;
  parentId?: string;
  x?: number;
  y?: number;
}

export interface UpdateCommentRequest {
  body: string;
}

/** `comment:deleted`: clients drop it, or show it as deleted when it still has replies. */
export interface CommentDeleted {
  id: string;
  albumId: string;
  parentId: string | null;
  /** True when the comment stays as a "deleted" placeholder for its replies. */
  placeholder: boolean;
}

export const NOTIFICATION_TYPES = [
  'like',
  'favorite',
  'follow',
  'comment',
  'reply',
  'mention',
  'new-artwork',
  'report-resolved',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface Notification {
  id: string;
  type: NotificationType;
  /** Newest first; at most a few, `actorCount` says how many in all. */
  actors: UserSummary[];
  actorCount: number;
  album: ArtworkCard | null;
  commentId: string | null;
  read: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

export interface MarkNotificationsReadRequest {
  /** Absent: all of them. */
  ids?: string[];
}

export interface UnreadCount {
  unreadCount: number;
}

/** Per type: whether to be notified. */
export type NotificationSettings = Record<NotificationType, boolean>;
