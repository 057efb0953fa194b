/** Seconds at which "hot" is 0; keeps the numbers small. */
const EPOCH_S = 1_700_000_000;
/** Ten times the likes are worth this much newer: 12.5 hours. */
const DECADE_S = 45_000;

/**
 * "Likes weighted by age" that never needs recomputing as time passes (Reddit's hot ranking):
 * ordering by it is stable, so explore pages by it with a cursor.
 */
export function hotScore(likeCount: number, createdAtMs: number): number {
  return Math.log10(Math.max(likeCount, 1)) + (createdAtMs / 1000 - EPOCH_S) / DECADE_S;
}
