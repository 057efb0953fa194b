/**
 * Tables no cached read ever shows (cached-read.ts lists the reads): writes to them leave the
 * data version alone, so chatting, signing in or following does not throw away every cached
 * page. Leaving a table out of this list only costs cache hits; listing one that a cached read
 * does show would serve stale pages, so a table belongs here only if none of those reads joins it.
 * Likes and favourites are here because an artwork's counts live on its own row (`likeCount`),
 * which the same transaction updates, and the viewer's own marks are never cached.
 */
export const TABLES_NO_CACHED_READ_SHOWS: ReadonlySet<string> = new Set([
  'sessions',
  'messages',
  'message_reactions',
  'message_fts',
  'conversations',
  'conversation_members',
  'conversation_pins',
  'notifications',
  'notification_settings',
  'audit_log',
  'reports',
  'storage_deletions',
  'likes',
  'favorites',
  'follows',
  'user_blocks',
  'stage_fingerprints',
]);

/** Statements that never change rows: reads, transaction control, session settings. */
const NOT_A_WRITE =
  /^\s*(?:SELECT|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START\s+TRANSACTION|SET\s|PRAGMA|SHOW|EXPLAIN|DESCRIBE)\b/i;
/** A single-table write and its table, quoted "x" (SQLite) or `x` (MySQL) or bare. */
const SINGLE_TABLE_WRITE =
  /^\s*(?:INSERT(?:\s+OR\s+\w+)?(?:\s+IGNORE)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+IGNORE)?|DELETE\s+FROM)\s+[`"]?(\w+)[`"]?(?:\s|\(|$)/i;
/** Writes that name more than one table: which one changes is not worth parsing. */
const MANY_TABLES = /\bJOIN\b/i;

/**
 * What `sql` may change: null for a statement that changes nothing, the table's name for a
 * one-table INSERT/UPDATE/DELETE, '*' for anything else (DDL, multi-table writes, WITH …), which
 * counts as changing everything.
 */
export function writtenTable(sql: string): string | null {
  if (NOT_A_WRITE.test(sql)) return null;
  const match = SINGLE_TABLE_WRITE.exec(sql);
  if (!match || (!/^\s*INSERT/i.test(sql) && MANY_TABLES.test(sql))) return '*';
  return match[1].toLowerCase();
}

/** Whether running `sql` may change what a cached read shows. */
export function changesCachedReads(sql: string): boolean {
  const table = writtenTable(sql);
  return table !== null && !TABLES_NO_CACHED_READ_SHOWS.has(table);
}
