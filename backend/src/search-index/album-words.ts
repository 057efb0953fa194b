import { likePrefix, MAX_WORD, wordCounts } from './normalize';

/**
 * MariaDB's word → artwork table, `album_words` (migration 1763850000000): one row per word of 3+
 * characters in an artwork's searchText, with how often it occurs there (`tf`) and whether the
 * artwork is listed (public and not hidden, like album_palette). Indexed by (word, listed, tf,
 * albumId), so the best matches of a word are an index walk of about a page of rows, in order,
 * however many artworks have it; FULLTEXT reads and ranks a word's whole posting list first.
 */

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/** Rows per INSERT: an artwork has at most ~15k distinct words (60k characters of text). */
const ROWS_PER_INSERT = 1_000;

/** Inserts the word rows of artworks (none of which has rows yet). */
export async function insertAlbumWords(
  query: Query,
  albums: { id: string; text: string; listed: boolean }[],
): Promise<void> {
  const rows: unknown[][] = [];
  for (const a of albums)
    for (const [word, tf] of wordCounts(a.text))
      rows.push([word, a.id, Math.min(tf, 65_535), a.listed ? 1 : 0]);
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
    const chunk = rows.slice(from, from + ROWS_PER_INSERT);
    await query(
      'INSERT INTO `album_words` (`word`, `albumId`, `tf`, `listed`) VALUES ' +
        chunk.map(() => '(?, ?, ?, ?)').join(', '),
      chunk.flat(),
    );
  }
}

/** The album SELECT list that insertAlbumWords needs: id, text, listed. */
export const ALBUM_WORDS_SOURCE =
  "SELECT `id`, `searchText` AS `text`, (`visibility` = 'public' AND `hiddenAt` IS NULL) AS `listed` FROM `albums`";

/**
 * Walks fewer rows than this per word; a query term that starts more distinct words than this
 * (e.g. "har": hard, harbour, harvest, …) is answered by FULLTEXT instead.
 */
export const MAX_EXPANSION = 8;

/** The indexed words each term is the start of (at most MAX_EXPANSION + 1 each, to tell "too many"). */
export async function expandTerms(query: Query, terms: string[]): Promise<string[][]> {
  // GROUP BY the index's first column: a loose index scan, one probe per distinct word (DISTINCT
  // with the constant column made MariaDB read every row of the range into a temporary table).
  const sql = terms
    .map(
      (_, i) =>
        `(SELECT ${i} AS \`t\`, \`word\` FROM \`album_words\` WHERE \`word\` LIKE ? ESCAPE '!' GROUP BY \`word\` LIMIT ${MAX_EXPANSION + 1})`,
    )
    .join(' UNION ALL ');
  const rows = (await query(
    sql,
    terms.map((t) => likePrefix(t.slice(0, MAX_WORD))),
  )) as { t: number; word: string }[];
  return terms.map((_, i) => rows.filter((r) => Number(r.t) === i).map((r) => r.word));
}

/**
 * How many listed rows each term's words have, counted up to `cap`: the rarest term drives the
 * walk, and a frequent one is only checked by key.
 */
export async function termSizes(query: Query, words: string[][], cap: number): Promise<number[]> {
  const sql = words
    .map(
      (w, i) =>
        `(SELECT COUNT(*) FROM (SELECT 1 FROM \`album_words\` WHERE \`word\` IN (${marks(w)}) AND \`listed\` = 1 LIMIT ${cap}) \`c${i}\`) AS \`n${i}\``,
    )
    .join(', ');
  const [row] = (await query(`SELECT ${sql}`, words.flat())) as Record<string, number | string>[];
  return words.map((_, i) => Number(row![`n${i}`]));
}

/**
 * Listed artworks having a word of every term, best first: the driving term's words are walked
 * (each at most `perWord` rows, most occurrences then newest first), the other terms checked by
 * primary key; the candidates are then ranked by their occurrences of all the query's words, then
 * likes, then newest.
 */
export async function walkAlbumIds(
  query: Query,
  drive: string[],
  others: string[][],
  perWord: number,
  limit: number,
): Promise<string[]> {
  // A scalar subquery per walked row, not EXISTS: MariaDB turned EXISTS into a semi-join that read
  // the other word's whole list first and sorted it ("dusk harbour": 280 ms instead of ~5).
  const checks = others
    .map(
      (w) =>
        ` AND (SELECT 1 FROM \`album_words\` o WHERE o.\`albumId\` = w.\`albumId\` AND o.\`word\` IN (${marks(w)}) LIMIT 1) IS NOT NULL`,
    )
    .join('');
  const walks = drive
    .map(
      () =>
        `(SELECT w.\`albumId\` FROM \`album_words\` w WHERE w.\`word\` = ? AND w.\`listed\` = 1${checks} ` +
        `ORDER BY w.\`tf\` DESC, w.\`albumId\` DESC LIMIT ${perWord})`,
    )
    .join(' UNION ALL ');
  const all = [...drive, ...others.flat()];
  const params = [...drive.flatMap((d) => [d, ...others.flat()]), ...all, limit];
  const rows = (await query(
    `SELECT c.\`albumId\` AS \`id\` FROM (SELECT DISTINCT \`albumId\` FROM (${walks}) \`x\`) c ` +
      'JOIN `albums` a ON a.`id` = c.`albumId` ' +
      `JOIN \`album_words\` s ON s.\`albumId\` = c.\`albumId\` AND s.\`word\` IN (${marks(all)}) ` +
      'GROUP BY c.`albumId`, a.`likeCount` ORDER BY SUM(s.`tf`) DESC, a.`likeCount` DESC, c.`albumId` DESC LIMIT ?',
    params,
  )) as { id: string }[];
  return rows.map((r) => r.id);
}

function marks(values: unknown[]): string {
  return values.map(() => '?').join(', ');
}
