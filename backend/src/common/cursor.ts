import { AppError } from './app-error';

/** A cursor this api never handed out: every list answers it the same way. */
export class InvalidCursorError extends AppError {
  constructor(param = 'cursor') {
    super('INVALID_CURSOR', 400, `${param} is not valid; pass nextCursor from the previous page`);
  }
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
  if (at <= 0 || !Number.isFinite(value) || !ID.test(id)) throw new InvalidCursorError();
  return { value, id };
}

/** Cursors that are just the last item's id (UUIDv7, so ordered by creation). */
export function decodeIdCursor(cursor: string, param = 'cursor'): string {
  if (!ID.test(cursor)) throw new InvalidCursorError(param);
  return cursor;
}

/**
 * SQL for "after the cursor" in a (value DESC, id DESC) order; params: value, value, id.
 * Written as `value <= ? AND (…)` rather than `value < ? OR (value = ? AND id < ?)`: MariaDB
 * turns the leading `<=` into an index range, while the OR form scans from the top of the index.
 */
export function keysetAfter(value: string, id: string): string {
  return `${value} <= ? AND (${value} < ? OR ${id} < ?)`;
}
