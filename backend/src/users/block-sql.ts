/**
 * SQL: no block stands between the painter in `ownerColumn` and the viewer, either way. Two `?`,
 * both the viewer's id. Each side is a primary-key probe of `user_blocks` (blockerId, blockedId),
 * so a page of 21 rows costs 42 index lookups that find nothing for most viewers. Double-quoted:
 * pass through dialectSql().
 */
export const noBlockBetween = (ownerColumn: string): string =>
  `NOT EXISTS (SELECT 1 FROM "user_blocks" ub WHERE ub."blockerId" = ${ownerColumn} AND ub."blockedId" = ?) ` +
  `AND NOT EXISTS (SELECT 1 FROM "user_blocks" mb WHERE mb."blockerId" = ? AND mb."blockedId" = ${ownerColumn})`;

/** SQL: the painter in `ownerColumn` has not blocked the viewer (one `?`: the viewer's id). */
export const notBlockedBy = (ownerColumn: string): string =>
  `NOT EXISTS (SELECT 1 FROM "user_blocks" ub WHERE ub."blockerId" = ${ownerColumn} AND ub."blockedId" = ?)`;
