/**
 * Moderation's part of "who sees an artwork": one a moderator hid, or whose painter is suspended,
 * is seen by its owner only (and by admins on its page), like an unlisted one but also out of
 * share links. Every list and lookup of artworks applies it; the search-index adapters, which
 * cannot import this feature, inline the same SQL.
 */

/** SQL (quoted for dialectSql): the artwork `a` is neither hidden nor its painter suspended. */
export const notModerated = (a: string): string =>
  `${a}."hiddenAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "users" su WHERE su."id" = ${a}."ownerId" AND su."suspendedAt" IS NOT NULL)`;

/** The same rule on loaded rows: hidden artworks and suspended painters' ones. */
export function isModerated(
  album: { hiddenAt: number | null },
  owner: { suspendedAt: number | null } | null,
): boolean {
  return album.hiddenAt !== null || (owner?.suspendedAt ?? null) !== null;
}
