import type { LookupMatch } from '@gallery/contracts';

import { stageKindLabel } from '../artwork/stage-kinds';

/** How close an image is to a stage, in words: "Exact match" or "Similar (distance 3)". */
export function matchLabel(match: Pick<LookupMatch, 'exact' | 'distance'>): string {
  return match.exact ? 'Exact match' : `Similar (distance ${match.distance})`;
}

/** "Stage 2 of 5 · Colour". */
export function stageLabel(match: Pick<LookupMatch, 'position' | 'kind'>, stageCount: number): string {
  return `Stage ${match.position + 1}${stageCount > 0 ? ` of ${stageCount}` : ''} · ${stageKindLabel(match.kind)}`;
}

/** Only images are looked up; the api refuses the rest anyway, this says so sooner. */
export function isImageFile(file: File): boolean {
  return file.type.startsWith('image/') || /\.(jpe?g|png|webp|gif|avif|heic|tiff?)$/i.test(file.name);
}
