import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SearchIndex } from './search-index';
import { readRows } from '../database/plain-reads';

/** FTS5 tables album_fts / user_fts (unicode61, diacritics removed), ranked by bm25. */
@Injectable()
export class SqliteSearchIndex extends SearchIndex {
  async putArtwork(db: EntityManager, albumId: string, text: string): Promise<void> {
    await db.query('DELETE FROM "album_fts" WHERE "albumId" = ?', [albumId]);
    await db.query('INSERT INTO "album_fts" ("albumId", "body") VALUES (?, ?)', [albumId, text]);
  }

  async removeArtwork(db: EntityManager, albumId: string): Promise<void> {
    await db.query('DELETE FROM "album_fts" WHERE "albumId" = ?', [albumId]);
  }

  async putUser(db: EntityManager, userId: string, text: string): Promise<void> {
    await db.query('DELETE FROM "user_fts" WHERE "userId" = ?', [userId]);
    await db.query('INSERT INTO "user_fts" ("userId", "body") VALUES (?, ?)', [userId, text]);
  }

  async addMessage(
    db: EntityManager,
    messageId: string,
    conversationId: string,
    body: string,
  ): Promise<void> {
    if (body)
      await db.query('INSERT INTO "message_fts" ("messageId", "conversationId", "body") VALUES (?, ?, ?)', [
        messageId,
        conversationId,
        body,
      ]);
  }

  async putMessage(
    db: EntityManager,
    messageId: string,
    conversationId: string,
    body: string,
  ): Promise<void> {
    await this.removeMessage(db, messageId);
    await this.addMessage(db, messageId, conversationId, body);
  }

  async removeMessage(db: EntityManager, messageId: string): Promise<void> {
    await db.query('DELETE FROM "message_fts" WHERE "messageId" = ?', [messageId]);
  }

  messageIds(
    db: EntityManager,
    terms: string[],
    conversationIds: string[],
    limit: number,
  ): Promise<string[]> {
    return sqliteMessageIds(db, terms, conversationIds, limit);
  }

  async albumIds(db: EntityManager, terms: string[], limit: number): Promise<string[]> {
    const rows = await readRows<{ id: string }>(
      db,
      'SELECT a."id" AS "id" FROM "album_fts" JOIN "albums" a ON a."id" = "album_fts"."albumId" ' +
        'WHERE "album_fts" MATCH ? AND a."visibility" = ? ORDER BY bm25("album_fts"), a."likeCount" DESC, a."id" DESC LIMIT ?',
      [match(terms), 'public', limit],
    );
    return rows.map((r) => r.id);
  }

  async userIds(db: EntityManager, terms: string[], limit: number): Promise<string[]> {
    const rows = await readRows<{ id: string }>(
      db,
      'SELECT "userId" AS "id" FROM "user_fts" WHERE "user_fts" MATCH ? ORDER BY bm25("user_fts") LIMIT ?',
      [match(terms), limit],
    );
    return rows.map((r) => r.id);
  }
}

/** FTS5 table message_fts; a message's row goes when it is deleted. */
export async function sqliteMessageIds(
  db: EntityManager,
  terms: string[],
  conversationIds: string[],
  limit: number,
): Promise<string[]> {
  if (!terms.length || !conversationIds.length) return [];
  const marks = conversationIds.map(() => '?').join(', ');
  const rows: { id: string }[] = await db.query(
    `SELECT "messageId" AS "id" FROM "message_fts" WHERE "message_fts" MATCH ? AND "conversationId" IN (${marks}) ` +
      'ORDER BY "messageId" DESC LIMIT ?',
    [match(terms), ...conversationIds, limit],
  );
  return rows.map((r) => r.id);
}

/** Each term quoted (so it is never an FTS5 operator) and used as a prefix. */
function match(terms: string[]): string {
  return terms.map((t) => `"${t}"*`).join(' ');
}
