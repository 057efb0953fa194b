import sharp from 'sharp';
import { LIMITS } from '@gallery/contracts';

/**
 * 64-bit difference hash (dHash): the image shrunk to 9 × 8 grey pixels, one bit per horizontal
 * neighbour pair (is the right one brighter?). Resized, re-encoded and lightly cropped copies land
 * within a few bits; unrelated images differ in about half of them. Hex, 16 digits.
 */
export async function differenceHash(input: Buffer | string): Promise<string> {
  const data = await sharp(input, { limitInputPixels: LIMITS.imagePixels, pages: 1 })
    .autoOrient()
    .greyscale()
    .resize(9, 8, { fit: 'fill' })
    .raw()
    .toBuffer();
  let hex = '';
  for (let y = 0; y < 8; y++) {
    let byte = 0;
    for (let x = 0; x < 8; x++) byte = (byte << 1) | (data[y * 9 + x]! < data[y * 9 + x + 1]! ? 1 : 0);
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** The hash's 8 bytes: its bands for multi-index hashing (each row of the 9 × 8 grid is one). */
export function hashBands(hex: string): number[] {
  return Array.from({ length: 8 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, n) => {
  let c = 0;
  for (let v = n; v; v >>= 1) c += v & 1;
  return c;
});

/** Number of differing bits of two hex hashes of the same length. */
export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i += 2)
    d += POPCOUNT[parseInt(a.slice(i, i + 2), 16) ^ parseInt(b.slice(i, i + 2), 16)]!;
  return d;
}
