import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { likeContains, likePrefix } from './normalize';
import { SearchIndex } from './search-index';

/** InnoDB's default innodb_ft_min_token_size: shorter words are not in the FULLTEXT index. */
const MIN_TOKEN = 3;

/** FULLTEXT in boolean mode; every term required, each a prefix (`+term*`). */
@Injectable()
export class MysqlSearchIndex extends SearchIndex {
  async putArtwork(db: EntityManager, albumId: string, text: string): Promise<void> {
    await db.query('UPDATE `albums` SET `searchText` = ? WHERE `id` = ?', [text, albumId]);
  }

  async removeArtwork(): Promise<void> {
    // The text lives on the album row and goes with it.
  }

  async putUser(db: EntityManager, userId: string, text: string): Promise<void> {
    await db.query('UPDATE `users` SET `searchText` = ? WHERE `id` = ?', [text, userId]);
  }

  /**
   * No ORDER BY: with MATCH in the WHERE clause InnoDB hands rows over best match first and stops
   * at the LIMIT, while `ORDER BY score` scores and sorts every match first (a word in 9 % of 100k
   * artworks: 31–43 ms vs 4–7 ms). discovery.spec pins the order. Hidden works are dropped and
   * equal scores ordered by likes, then newest, here. Only-short-word queries take the titleNorm
   * index in title order (0.3 ms; ordering those by likes scanned every match).
   */
  async addMessage(): Promise<void> {
    // FULLTEXT indexes the message's own body column.
  }

  async putMessage(): Promise<void> {
    // FULLTEXT indexes the message's own body column.
  }

  async removeMessage(): Promise<void> {
    // A deleted message's body is emptied on its row.
  }

  /** FULLTEXT for words of 3+ characters, LIKE for shorter ones (below InnoDB's token size). */
  async messageIds(
    db: EntityManager,
    terms: string[],
    conversationIds: string[],
    limit: number,
  ): Promise<string[]> {
    if (!terms.length || !conversationIds.length) return [];
    const long = terms.filter((t) => t.length >= MIN_TOKEN);
    const short = terms.filter((t) => t.length < MIN_TOKEN);
    const where = [
      '`conversationId` IN (' + conversationIds.map(() => '?').join(', ') + ')',
      '`deletedAt` IS NULL',
    ];
    const params: unknown[] = [...conversationIds];
    if (long.length) {
      where.push('MATCH(`body`) AGAINST (? IN BOOLEAN MODE)');
      params.push(boolean(long));
    }
    for (const t of short) {
      where.push("`body` LIKE ? ESCAPE '!'");
      params.push(likeContains(t));
    }
    const rows: { id: string }[] = await db.query(
      `SELECT \`id\` FROM \`messages\` WHERE ${where.join(' AND ')} ORDER BY \`id\` DESC LIMIT ?`,
      [...params, limit],
    );
    return rows.map((r) => r.id);
  }

  async albumIds(db: EntityManager, terms: string[], limit: number): Promise<string[]> {
    const long = terms.filter((t) => t.length >= MIN_TOKEN);
    if (!long.length) {
      const rows: { id: string }[] = await db.query(
        "SELECT `id` FROM `albums` WHERE `titleNorm` LIKE ? ESCAPE '!' AND `visibility` = ? ORDER BY `titleNorm`, `id` LIMIT ?",
        [likePrefix(terms.join(' ')), 'public', limit],
      );
      return rows.map((r) => r.id);
    }
    const query = boolean(long);
    const rows: { id: string; visibility: string; likeCount: number; score: number }[] = await db.query(
      'SELECT `id`, `visibility`, `likeCount`, MATCH(`searchText`) AGAINST (? IN BOOLEAN MODE) AS `score` FROM `albums` ' +
        'WHERE MATCH(`searchText`) AGAINST (? IN BOOLEAN MODE) LIMIT ?',
      [query, query, limit * 3],
    );
    return rows
      .filter((r) => r.visibility === 'public')
      .sort((a, b) => b.score - a.score || b.likeCount - a.likeCount || (a.id < b.id ? 1 : -1))
      .slice(0, limit)
      .map((r) => r.id);
  }

  async userIds(db: EntityManager, terms: string[], limit: number): Promise<string[]> {
    const long = terms.filter((t) => t.length >= MIN_TOKEN);
    if (!long.length) return [];
    const rows: { id: string }[] = await db.query(
      'SELECT `id` FROM `users` WHERE MATCH(`searchText`) AGAINST (? IN BOOLEAN MODE) ' +
        'ORDER BY MATCH(`searchText`) AGAINST (? IN BOOLEAN MODE) DESC, `username` LIMIT ?',
      [boolean(long), boolean(long), limit],
    );
    return rows.map((r) => r.id);
  }
}

/** Terms are [\p{L}\p{N}_]+ already, so no operator can reach the boolean query. */
function boolean(terms: string[]): string {
  return terms.map((t) => `+${t}*`).join(' ');
}
