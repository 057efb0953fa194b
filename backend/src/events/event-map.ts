import type { ReportAction, ReportTargetKind } from '@gallery/contracts';

/**
 * Every domain event Gallery publishes, with its payload. Features publish what happened; the
 * side effects (cover, palette, search text, list cache, sockets, later notifications) live in
 * listeners, so no feature has to remember to call them.
 */
export interface DomainEventMap {
  /** An artwork was created, or its title, description, visibility, cover or likes changed. */
  'artwork.changed': { artworkId: string; what: ArtworkChange[] };
  /** An artwork row was deleted (its stages went with it). */
  'artwork.deleted': { artworkId: string };
  /** Stages were added, removed, reordered or retitled; the artwork's row is locked by the publisher. */
  'stages.changed': { artworkId: string; what: StagesChange };
  /** A stage's processing status or image changed (pending → processing → ready | failed). */
  'stage.status': { artworkId: string; stageId: string; status: string };
  /** A painter's username or display name changed, or the account was created. */
  'painter.changed': { userId: string };
  /** Someone reported an artwork, stage, message or user (a new open report; not a repeat). */
  'report.created': { reportId: string; target: { kind: ReportTargetKind; id: string }; reporterId: string };
  /** An admin resolved the open reports on a target (with this action); `reporterIds` made them, each once. */
  'report.resolved': {
    target: { kind: ReportTargetKind; id: string };
    action: ReportAction;
    resolvedById: string;
    reporterIds: string[];
  };
  /** An artwork was first made visible to everyone: created public, or made public later. Once per artwork. */
  'artwork.published': { artworkId: string; ownerId: string };
  /** Someone liked an artwork (a like that was not there before). */
  'artwork.liked': { artworkId: string; userId: string };
  /** Someone favourited an artwork (not already a favourite). */
  'artwork.favorited': { artworkId: string; userId: string };
  /** Someone started following a painter. */
  'painter.followed': { followerId: string; followeeId: string };
  /** A comment or reply was posted; `mentions` are the lower-cased @usernames in its body. */
  'comment.created': {
    commentId: string;
    albumId: string;
    authorId: string;
    parentId: string | null;
    mentions: string[];
  };
  /**
   * A chat message in a group or the public room named painters with @username (on send, and on
   * an edit for the newly named only). Never the sender; in a group, members only.
   */
  'chat.mentioned': { userIds: string[]; messageId: string; conversationId: string };
}

export type ArtworkChange = 'created' | 'text' | 'visibility' | 'cover' | 'likes';
export type StagesChange = 'added' | 'removed' | 'reordered' | 'retitled';

export type DomainEventName = keyof DomainEventMap;
