import type { EntityManager } from 'typeorm';

/**
 * The search port. Adapters: MySQL/MariaDB (a word → artwork table for artworks, FULLTEXT for the
 * rest, and a B-tree prefix path for 1–2 character queries, below InnoDB's token size) and SQLite
 * FTS5. Callers pass normalised text and terms
 * (see normalize.ts); results are ids, best first, public artworks only.
 */
export abstract class SearchIndex {
  /** Stores an artwork's searchable text (title, description, stage titles). */
  abstract putArtwork(db: EntityManager, albumId: string, text: string): Promise<void>;
  abstract removeArtwork(db: EntityManager, albumId: string): Promise<void>;
  /** Stores a painter's searchable text (username, display name). */
  abstract putUser(db: EntityManager, userId: string, text: string): Promise<void>;
  /** Public artworks matching every term (the last as a prefix): best match, then likes, then newest. */
  abstract albumIds(db: EntityManager, terms: string[], limit: number): Promise<string[]>;
  /** Painters whose username or display name has words starting with every term. */
  abstract userIds(db: EntityManager, terms: string[], limit: number): Promise<string[]>;
  /**
   * Stores a new chat message's text: nothing to replace, so one statement (a send's round trips
   * are counted; see MessagesService.send).
   */
  abstract addMessage(
    db: EntityManager,
    messageId: string,
    conversationId: string,
    body: string,
  ): Promise<void>;
  /** Stores a chat message's text (sent or edited); '' removes it. */
  abstract putMessage(
    db: EntityManager,
    messageId: string,
    conversationId: string,
    body: string,
  ): Promise<void>;
  abstract removeMessage(db: EntityManager, messageId: string): Promise<void>;
  /**
   * Undeleted messages of those conversations with words starting with every term, newest first.
   * The caller decides which conversations the reader may search.
   */
  abstract messageIds(
    db: EntityManager,
    terms: string[],
    conversationIds: string[],
    limit: number,
  ): Promise<string[]>;
}
