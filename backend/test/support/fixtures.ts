import { transformSync } from '@swc/core';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/**
 * Images for the pipeline suite, made by sharp at test time so the repository holds no binaries.
 * Each is small unless its size is the point.
 */

type Rgba = readonly [r: number, g: number, b: number, a?: number];
type Paint = (x: number, y: number) => Rgba;

/** An RGBA image whose pixel at (x, y) is `paint(x, y)`; the base of the exact-colour fixtures. */
export function painted(width: number, height: number, paint: Paint): sharp.Sharp {
  return sharp(rgba(width, height, paint), { raw: { width, height, channels: 4 } });
}

function rgba(width: number, height: number, paint: Paint): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a = 255] = paint(x, y);
      data.set([r, g, b, a], (y * width + x) * 4);
    }
  }
  return data;
}

/** A 12 MP-style camera JPEG: smooth gradients with a little grain, like a photographed canvas. */
export function photoJpeg(width = 4000, height = 3000): Promise<Buffer> {
  // Jest runs this in a vm context where every global lookup (Math, ...) is slow, so the loop
  // below touches only locals and precomputed tables.
  const waveX = Float64Array.from({ length: width }, (_, x) => Math.sin(x / 37));
  const waveY = Float64Array.from({ length: height }, (_, y) => Math.cos(y / 53));
  const data = new Uint8ClampedArray(width * height * 3);
  let seed = 1;
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0; x < width; x++, o += 3) {
      seed = (seed * 48271) % 2147483647;
      const grain = (seed % 17) - 8;
      data[o] = (x / width) * 230 + grain;
      data[o + 1] = (y / height) * 200 + grain;
      data[o + 2] = 128 + 60 * waveX[x] * waveY[y] + grain;
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/**
 * A 300 × 200 white JPEG with a red 40 × 40 marker in the stored top-left corner and the given
 * EXIF orientation, as a phone held sideways writes it.
 */
export function orientedJpeg(orientation: number): Promise<Buffer> {
  return painted(300, 200, (x, y) => (x < 40 && y < 40 ? [255, 0, 0] : [255, 255, 255]))
    .withMetadata({ orientation })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** A PNG with a transparent background and an opaque red 80 × 80 square in the middle. */
export function transparentPng(): Promise<Buffer> {
  return painted(200, 200, (x, y) =>
    x >= 60 && x < 140 && y >= 60 && y < 140 ? [255, 0, 0, 255] : [0, 0, 0, 0],
  )
    .png()
    .toBuffer();
}

/** A 16-bit-per-channel PNG in a mid blue, as scanners and some painting apps export. */
export function png16(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 80, channels: 3, background: '#2050c0' } })
    .toColourspace('rgb16')
    .png()
    .toBuffer();
}

/** A CMYK JPEG (print workflows) of a mid blue. */
export function cmykJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 80, channels: 3, background: '#2050c0' } })
    .toColourspace('cmyk')
    .jpeg()
    .toBuffer();
}

/** A two-frame animated GIF, 120 × 80 per frame: red, then blue. */
export function animatedGif(): Promise<Buffer> {
  const frames = rgba(120, 160, (_x, y) => (y < 80 ? [255, 0, 0] : [0, 0, 255]));
  return sharp(frames, { raw: { width: 120, height: 160, channels: 4, pageHeight: 80 } })
    .gif({ delay: [500, 500] })
    .toBuffer();
}

/** The same image in one of the other accepted containers. */
export function encoded(format: 'png' | 'webp' | 'avif' | 'gif' | 'tiff'): Promise<Buffer> {
  return sharp({ create: { width: 60, height: 40, channels: 3, background: '#c0392b' } })
    .toFormat(format)
    .toBuffer();
}

/** A PNG whose header declares 30000 × 30000 (900 MP) around a few bytes of real pixels. */
export async function pngDeclaring(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: 'red' } })
      .png()
      .toBuffer(),
  );
  // IHDR is the first chunk: length (4) at 8, type at 12, width and height at 16 and 20, CRC at 29.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/** A PNG whose left half is pure red and right half mid grey. */
export function halfRedHalfGrey(): Promise<Buffer> {
  return painted(200, 100, (x) => (x < 100 ? [255, 0, 0] : [128, 128, 128]))
    .png()
    .toBuffer();
}

/** Vertical bands of red 40 %, green 30 %, blue 20 % and yellow 10 % of the width. */
export function fourBands(): Promise<Buffer> {
  const band = (x: number): Rgba =>
    x < 200 ? [255, 0, 0] : x < 350 ? [0, 200, 0] : x < 450 ? [0, 0, 255] : [255, 255, 0];
  return painted(500, 300, band).png().toBuffer();
}

/** A greyscale JPEG with a soft gradient and ripples: a black-and-white photo of a drawing. */
export function greyPhoto(width = 640, height = 480): Promise<Buffer> {
  const ripple = Float64Array.from({ length: width + height }, (_, d) => 20 * Math.sin(d / 15));
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0; x < width; x++, o++) data[o] = 30 + (x / width) * 190 + ripple[x + y];
  }
  return sharp(data, { raw: { width, height, channels: 1 } })
    .jpeg()
    .toBuffer();
}

/**
 * thumbhash ships only as an ES module. Node 20 (and so the api) can `require` it, but jest on
 * Node 20 can only load it after swc turns it into CommonJS, which jest.config.js does not yet ask
 * for. This does that transform by hand for `jest.mock('thumbhash', ...)`; it can go once
 * `thumbhash` joins the transformIgnorePatterns exception list.
 */
export function thumbhashAsCommonJs(): unknown {
  const file = require.resolve('thumbhash');
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    filename: file,
    module: { type: 'commonjs' },
  });
  const module = { exports: {} };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports;
}
