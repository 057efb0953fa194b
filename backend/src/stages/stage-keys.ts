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
 * The deep-zoom pyramid beside them: `tiles/<albumId>/<token>.dzi` and its tiles under
 * `tiles/<albumId>/<token>_files/<level>/<x>_<y>.webp` (the DeepZoom layout OpenSeadragon reads).
 */
export function tilesKeys(originalKey: string): { tilesKey: string; tilesPrefix: string } {
  const base = originalKey.replace(/^originals\//, '').replace(/\.[a-z0-9]+$/i, '');
  return { tilesKey: `tiles/${base}.dzi`, tilesPrefix: tilesPrefixOf(`tiles/${base}.dzi`) };
}

/** The folder of a descriptor's tiles. */
export function tilesPrefixOf(tilesKey: string): string {
  return tilesKey.replace(/\.dzi$/, '_files/');
}

/** Every stored object of a stage, for deletion. */
export function stageObjectKeys(stage: {
  originalKey: string;
  thumbKey: string | null;
  previewKey: string | null;
  tilesKey?: string | null;
}): string[] {
  return [stage.originalKey, stage.thumbKey, stage.previewKey, stage.tilesKey].filter(
    (k): k is string => !!k,
  );
}

/**
 * Folders of a stage's stored objects, deleted by prefix (the tiles: hundreds of keys). Derived
 * from the original's key, not tilesKey, so tiles a job was still writing when the stage went are
 * deleted too.
 */
export function stageObjectPrefixes(stage: { originalKey: string }): string[] {
  return [tilesKeys(stage.originalKey).tilesPrefix];
}

/** What deleting stages removes from storage: single keys, and folders by prefix. */
export interface StoredObjects {
  keys: string[];
  prefixes: string[];
}

/** Every stored object of these stages, keys and folders. */
export function stageObjects(
  stages: (Parameters<typeof stageObjectKeys>[0] & { originalKey: string })[],
): StoredObjects {
  return { keys: stages.flatMap(stageObjectKeys), prefixes: stages.flatMap(stageObjectPrefixes) };
}
