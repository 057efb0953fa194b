import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { likePrefix } from './normalize';
import { SearchIndex } from './search-index';

/** InnoDB's default innodb_ft_min_token_size: shorter words are not in the FULLTEXT index. */
const MIN_TOKEN = 3;

/** FULLTEXT in boolean mode; every term required, each a prefix (`+term*`). */
@Injectable()
export class MysqlSearchIndex extends SearchIndex {
  async putAlbum(db: EntityManager, albumId: string, text: string): Promise<void> {
    await db.query('UPDATE `albums` SET `searchText` = ? WHERE `id` = ?', [text, albumId]);
  }

  async removeAlbum(): Promise<void> {
    // The text lives on the album row and goes with it.
  }

  async putUser(db: EntityManager, userId: string, text: string): Promise<void> {
    await db.query('UPDATE `users` SET `searchText` = ? WHERE `id` = ?', [text, userId]);
  }

  async albumIds(db: EntityManager, terms: string[], limit: number): Promise<string[]> {
    const long = terms.filter((t) => t.length >= MIN_TOKEN);
    const rows: { id: string }[] = long.length
      ? await db.query(
          'SELECT `id` FROM `albums` WHERE MATCH(`searchText`) AGAINST (? IN BOOLEAN MODE) AND `visibility` = ? ' +
            'ORDER BY MATCH(`searchText`) AGAINST (? IN BOOLEAN MODE) DESC, `likeCount` DESC, `id` DESC LIMIT ?',
          [boolean(long), 'public', boolean(long), limit],
        )
      : // Only short words: titles starting with them, through the titleNorm index.
        await db.query(
          "SELECT `id` FROM `albums` WHERE `titleNorm` LIKE ? ESCAPE '!' AND" +
            ' `visibility` = ? ORDER BY `likeCount` DESC, `id` DESC LIMIT ?',
          [likePrefix(terms.join(' ')), 'public', limit],
        );
    return rows.map((r) => r.id);
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
