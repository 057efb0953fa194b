import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import sharp from 'sharp';
import { DECODE_OPTIONS, PREVIEW_SIZE } from './image-pipeline';

export const TILE_SIZE = 256;
/** Tiles are looked at up close; a little more quality than the preview, the same fast effort. */
const TILE_WEBP = { quality: 82, effort: 2 } as const;

/** True when the image has detail its preview loses, i.e. zooming past the preview shows more. */
export function needsDeepZoom(width: number, height: number): boolean {
  return Math.max(width, height) > PREVIEW_SIZE;
}

/** A pyramid written to a directory: the descriptor and every tile, by path relative to `filesDir`. */
export interface DeepZoomOnDisk {
  dziPath: string;
  filesDir: string;
  /** `<level>/<x>_<y>.webp`, '/'-separated. */
  tiles: string[];
  width: number;
  height: number;
}

const TILE_PATH = /^\d+\/\d+_\d+\.webp$/;

/**
 * Writes a DeepZoom pyramid of the image (auto-oriented, sRGB, 256 px WebP tiles, no overlap) into
 * `dir`: libvips streams it to disk, so memory stays small whatever the image size. Tiles carry no
 * metadata, and only tile files are listed (libvips also leaves a vips-properties.xml, which may
 * hold the original's metadata and must never be published).
 */
export async function writeDeepZoom(input: string, dir: string): Promise<DeepZoomOnDisk> {
  const base = join(dir, 'pyramid');
  const info = await sharp(input, DECODE_OPTIONS)
    .autoOrient()
    .toColourspace('srgb')
    .webp(TILE_WEBP)
    .tile({ size: TILE_SIZE, overlap: 0, layout: 'dz' })
    .toFile(`${base}.dz`);
  const filesDir = `${base}_files`;
  const entries = await readdir(filesDir, { recursive: true, withFileTypes: true });
  const tiles = entries
    .filter((e) => e.isFile())
    .map((e) => relative(filesDir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => TILE_PATH.test(path));
  return { dziPath: `${base}.dzi`, filesDir, tiles, width: info.width, height: info.height };
}
