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
