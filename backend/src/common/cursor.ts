import { BadRequestException } from '@nestjs/common';

/**
 * Keyset cursors "<number>_<id>": the sort value of the last item and its id as tie-breaker, so
 * pages neither repeat nor skip items while new ones arrive.
 */
export function encodeCursor(value: number, id: string): string {
  return `${value}_${id}`;
}

export function decodeCursor(cursor: string): { value: number; id: string } {
  const at = cursor.indexOf('_');
  const value = Number(cursor.slice(0, at));
  const id = cursor.slice(at + 1);
  if (at <= 0 || !Number.isFinite(value) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new BadRequestException('cursor is not valid; pass nextCursor from the previous page');
  }
  return { value, id };
}

/**
 * SQL for "after the cursor" in a (value DESC, id DESC) order; params: value, value, id.
 * Written as `value <= ? AND (…)` rather than `value < ? OR (value = ? AND id < ?)`: MariaDB
 * turns the leading `<=` into an index range, while the OR form scans from the top of the index.
 */
export function keysetAfter(value: string, id: string): string {
  return `${value} <= ? AND (${value} < ? OR ${id} < ?)`;
}
