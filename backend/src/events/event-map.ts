import type { ReportTargetKind } from '@gallery/contracts';

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
  /**
   * A chat message in a group or the public room named painters with @username (on send, and on
   * an edit for the newly named only). Never the sender; in a group, members only.
   */
  'chat.mentioned': { userIds: string[]; messageId: string; conversationId: string };
}

export type ArtworkChange = 'created' | 'text' | 'visibility' | 'cover' | 'likes';
export type StagesChange = 'added' | 'removed' | 'reordered' | 'retitled';

export type DomainEventName = keyof DomainEventMap;
