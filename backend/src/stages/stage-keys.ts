import { randomBytes } from 'node:crypto';

/** File extension for each image format sharp sniffs; the storage port derives content types from it. */
const EXTENSIONS: ReadonlyMap<string, string> = new Map([
  ['jpeg', 'jpg'],
  ['png', 'png'],
  ['webp', 'webp'],
  ['avif', 'avif'],
  ['gif', 'gif'],
  ['tiff', 'tif'],
]);

/**
 * Where a stage's files live in storage. Every key of one stage shares an unguessable token:
 * `originals/<albumId>/<token>.<ext>`, `thumbs/<albumId>/<token>.webp`, `previews/<albumId>/<token>.webp`.
 */
export function originalKey(albumId: string, format: string): string {
  const ext = EXTENSIONS.get(format);
  if (!ext) throw new Error(`no extension for image format ${format}`);
  return `originals/${albumId}/${randomBytes(18).toString('base64url')}.${ext}`;
}

/** Derived images sit beside the original under the same token, so reprocessing overwrites them. */
export function derivedKeys(originalKey: string): { thumbKey: string; previewKey: string } {
  const base = originalKey.replace(/^originals\//, '').replace(/\.[a-z0-9]+$/i, '');
  return { thumbKey: `thumbs/${base}.webp`, previewKey: `previews/${base}.webp` };
}

/**
 * Every stored object of a stage, for deletion: the derived keys too while the stage is not
 * ready yet, as a job may be writing them (deleting an absent object is harmless).
 */
export function stageObjectKeys(stage: {
  originalKey: string;
  thumbKey: string | null;
  previewKey: string | null;
}): string[] {
  const derived = derivedKeys(stage.originalKey);
  const keys = [stage.originalKey, stage.thumbKey, stage.previewKey, derived.thumbKey, derived.previewKey];
  return [...new Set(keys.filter((k): k is string => !!k))];
}
