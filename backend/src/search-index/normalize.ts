/** Lower-case and accent-free, so "Café" is found by "cafe" and "CAFÉ" on both databases. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * The words of a query: letters, digits and underscores only. Everything else — quotes, SQL and
 * FULLTEXT/FTS5 operators such as + - * " ( ) ~ @ : — separates words and is never interpreted.
 */
export function queryTerms(q: string): string[] {
  return (normalize(q).match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, 8);
}

/**
 * A LIKE pattern for "starts with text", to be used with `ESCAPE '!'`: a query's % and _ match
 * themselves. '!' rather than backslash, which MySQL string literals would swallow.
 */
export function likePrefix(text: string): string {
  return `${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** A LIKE pattern for "contains text", with `ESCAPE '!'` like likePrefix. */
export function likeContains(text: string): string {
  return `%${likePrefix(text)}`;
}

/** Words shorter than this are not indexed as words (InnoDB's FULLTEXT token size alike). */
export const MIN_WORD = 3;
/** Longer words are kept by their first 64 characters (a query term is cut the same way). */
export const MAX_WORD = 64;

/**
 * The indexed words of normalised text and how often each occurs: the same letters, digits and
 * underscores as queryTerms, 3+ characters, cut to MAX_WORD.
 */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const raw of text.match(/[\p{L}\p{N}_]+/gu) ?? []) {
    if (raw.length < MIN_WORD) continue;
    const word = raw.slice(0, MAX_WORD);
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}
