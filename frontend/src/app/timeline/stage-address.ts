// Shared with the server, which preloads the picture a page opens on.
export { openingStageIndex, readStageParam } from '@gallery/contracts';

/** The `stage` query parameter for a 0-based index. */
export function stageParam(index: number): string {
  return String(index + 1);
}
