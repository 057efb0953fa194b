import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ALBUM_WORDS_SOURCE, insertAlbumWords } from '../../search-index/album-words';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
/** Artworks read and written per transaction while filling the table. */
const BATCH = 1_000;

/**
 * album_words, MariaDB's word → artwork table for search (search-index/album-words.ts): a row per
 * word of 3+ characters of an artwork's searchText, with its count and whether the artwork is
 * listed, walked through (word, listed, tf, albumId). Words compare byte for byte (searchText is
 * normalised already), so a prefix LIKE matches exactly the words that start with it. Filled from
 * the existing searchText, BATCH artworks per statement group, in id order.
 */
export class AlbumWordsMysql1763850000000 implements MigrationInterface {
  name = 'AlbumWordsMysql1763850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE TABLE `album_words` (' +
        '`word` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, `albumId` varchar(36) NOT NULL, ' +
        '`tf` smallint unsigned NOT NULL, `listed` tinyint NOT NULL, PRIMARY KEY (`albumId`, `word`), ' +
        'INDEX `IDX_album_words_walk` (`word`, `listed`, `tf`, `albumId`), ' +
        'CONSTRAINT `FK_album_words_album` FOREIGN KEY (`albumId`) REFERENCES `albums`(`id`) ON DELETE CASCADE' +
        `) ${TABLE}`,
    );
    const query = (sql: string, params?: unknown[]) => db.query(sql, params);
    let after = '';
    for (;;) {
      const rows: { id: string; text: string; listed: number | string }[] = await db.query(
        `${ALBUM_WORDS_SOURCE} WHERE \`id\` > ? ORDER BY \`id\` LIMIT ${BATCH}`,
        [after],
      );
      if (!rows.length) break;
      await insertAlbumWords(
        query,
        rows.map((r) => ({ id: r.id, text: r.text, listed: Number(r.listed) === 1 })),
      );
      after = rows.at(-1)!.id;
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `album_words`');
  }
}
