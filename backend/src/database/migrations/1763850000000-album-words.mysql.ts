import type { MigrationInterface, QueryRunner } from 'typeorm';

// A migration is a snapshot: the word splitting and the insert below are copies of search-index's
// `wordCounts` and `insertAlbumWords` as they were when this ran first (and the database layer must
// not import the search index, which reads through it). Later changes there re-index artworks as
// they change; they must not change what this backfill did.
const MIN_WORD = 3;
const MAX_WORD = 64;
const ROWS_PER_INSERT = 1_000;
const ALBUM_WORDS_SOURCE =
  "SELECT `id`, `searchText` AS `text`, (`visibility` = 'public' AND `hiddenAt` IS NULL) AS `listed` FROM `albums`";

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const raw of text.match(/[\p{L}\p{N}_]+/gu) ?? []) {
    if (raw.length < MIN_WORD) continue;
    const word = raw.slice(0, MAX_WORD);
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

async function insertAlbumWords(
  db: QueryRunner,
  albums: { id: string; text: string; listed: boolean }[],
): Promise<void> {
  const rows: unknown[][] = [];
  for (const a of albums)
    for (const [word, tf] of wordCounts(a.text))
      rows.push([word, a.id, Math.min(tf, 65_535), a.listed ? 1 : 0]);
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
    const chunk = rows.slice(from, from + ROWS_PER_INSERT);
    await db.query(
      'INSERT INTO `album_words` (`word`, `albumId`, `tf`, `listed`) VALUES ' +
        chunk.map(() => '(?, ?, ?, ?)').join(', '),
      chunk.flat(),
    );
  }
}

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
    let after = '';
    for (;;) {
      const rows: { id: string; text: string; listed: number | string }[] = await db.query(
        `${ALBUM_WORDS_SOURCE} WHERE \`id\` > ? ORDER BY \`id\` LIMIT ${BATCH}`,
        [after],
      );
      if (!rows.length) break;
      await insertAlbumWords(
        db,
        rows.map((r) => ({ id: r.id, text: r.text, listed: Number(r.listed) === 1 })),
      );
      after = rows.at(-1)!.id;
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `album_words`');
  }
}
