import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ALBUM_WORDS_SOURCE,
  expandTerms,
  insertAlbumWords,
  MAX_EXPANSION,
  termSizes,
  walkAlbumIds,
} from './album-words';
import { likeContains, likePrefix } from './normalize';
import { SearchIndex } from './search-index';

/** InnoDB's default innodb_ft_min_token_size: shorter words are not in the FULLTEXT index. */
const MIN_TOKEN = 3;
/** Listed rows counted per term to find the rarest (album-words.ts termSizes). */
const DRIVE_CAP = 500;

/**
 * Artworks: the album_words table (album-words.ts) for whole words and prefixes of a few words,
 * FULLTEXT in boolean mode (every term required, each a prefix, `+term*`) for prefixes of many.
 * Painters and messages: FULLTEXT.
 */
@Injectable()
export class MysqlSearchIndex extends SearchIndex {
  /**
   * Also (re)writes the artwork's album_words rows, with whether it is listed now: the caller puts
   * the text again when the visibility or moderation state changes (artwork-projections.ts).
   */
  async putArtwork(db: EntityManager, albumId: string, text: string): Promise<void> {
    await db.query('UPDATE `albums` SET `searchText` = ? WHERE `id` = ?', [text, albumId]);
    await db.query('DELETE FROM `album_words` WHERE `albumId` = ?', [albumId]);
    const rows: { id: string; text: string; listed: number | string }[] = await db.query(
      `${ALBUM_WORDS_SOURCE} WHERE \`id\` = ?`,
      [albumId],
    );
    await insertAlbumWords(
      (sql, params) => db.query(sql, params),
      rows.map((r) => ({ id: r.id, text: r.text, listed: Number(r.listed) === 1 })),
    );
  }

  async removeArtwork(db: EntityManager, albumId: string): Promise<void> {
    // The text lives on the album row and goes with it; the words go by their foreign key too.
    await db.query('DELETE FROM `album_words` WHERE `albumId` = ?', [albumId]);
  }

  async putUser(db: EntityManager, userId: string, text: string): Promise<void> {
    await db.query('UPDATE `users` SET `searchText` = ? WHERE `id` = ?', [text, userId]);
  }

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

  /**
   * Only-short-word queries take the titleNorm index in title order (0.3 ms; ordering those by likes
   * scanned every match). Otherwise the words of 3+ characters are looked up in album_words: each
   * term's words (itself and the longer words it starts), the rarest term's walked best first, the
   * others checked by key (album-words.ts). Rank: occurrences of the query's words, then likes,
   * then newest; among equally good matches beyond the candidates, the newest are kept (InnoDB's
   * FULLTEXT kept its own internal order there).
   */
  async albumIds(db: EntityManager, terms: string[], limit: number): Promise<string[]> {
    const long = terms.filter((t) => t.length >= MIN_TOKEN);
    if (!long.length) {
      const rows: { id: string }[] = await db.query(
        "SELECT `id` FROM `albums` WHERE `titleNorm` LIKE ? ESCAPE '!' AND `visibility` = ? ORDER BY `titleNorm`, `id` LIMIT ?",
        [likePrefix(terms.join(' ')), 'public', limit],
      );
      return rows.map((r) => r.id);
    }
    const query = (sql: string, params?: unknown[]) => db.query(sql, params);
    const words = await expandTerms(query, long);
    if (words.some((w) => !w.length)) return [];
    if (words.some((w) => w.length > MAX_EXPANSION)) return this.fulltextAlbumIds(db, long, limit);
    // The rarest term drives; counting stops at DRIVE_CAP rows (a frequent term is never walked
    // when a rarer one is there).
    const sizes = long.length > 1 ? await termSizes(query, words, DRIVE_CAP) : [0];
    const drive = sizes.indexOf(Math.min(...sizes));
    return walkAlbumIds(
      query,
      words[drive]!,
      words.filter((_, i) => i !== drive),
      limit * 3,
      limit,
    );
  }

  /**
   * No ORDER BY: with MATCH in the WHERE clause InnoDB hands rows over best match first and stops
   * at the LIMIT, while `ORDER BY score` scores and sorts every match first. It still reads and
   * ranks the whole posting list of each term (a word in 9 % of 100k artworks: 6–10 ms), hence
   * album_words for terms of a few words. Hidden works are dropped and equal scores ordered by
   * likes, then newest, here.
   */
  private async fulltextAlbumIds(db: EntityManager, long: string[], limit: number): Promise<string[]> {
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
