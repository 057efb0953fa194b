import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { thumbHashToRGBA } from 'thumbhash';
import {
  configureSharp,
  ImageRejectedError,
  inspectImage,
  processImage,
  type ProcessedImage,
} from '../src/media/image-pipeline';
import {
  animatedGif,
  cmykJpeg,
  encoded,
  fourBands,
  greyPhoto,
  halfRedHalfGrey,
  orientedJpeg,
  painted,
  photoJpeg,
  png16,
  pngDeclaring,
  transparentPng,
} from './support/fixtures';
import { jpegWithGps } from './support/images';

// See thumbhashAsCommonJs: the real library, made loadable by jest on Node 20.
jest.mock('thumbhash', () =>
  jest.requireActual<{ thumbhashAsCommonJs(): unknown }>('./support/fixtures').thumbhashAsCommonJs(),
);

const UNSUPPORTED = 'This file is not a supported image (JPEG, PNG, WebP, AVIF, GIF, TIFF)';
const TOO_LARGE = 'This image is larger than 100 megapixels';
const CORRUPT = 'This image is damaged or incomplete and could not be read';

/** The RGB of one pixel of an encoded image. */
async function pixelAt(image: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const o = (y * info.width + x) * info.channels;
  return [data[o], data[o + 1], data[o + 2]];
}

const isRed = ([r, g, b]: number[]) => r > 200 && g < 80 && b < 80;
const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

let photo: Buffer;

beforeAll(async () => {
  configureSharp();
  photo = await photoJpeg();
});

describe('configureSharp', () => {
  it('gives each image one libvips thread and keeps no cache', () => {
    expect(sharp.concurrency()).toBe(1);
    expect(sharp.cache().items.max).toBe(0);
  });
});

describe('inspectImage', () => {
  it('reads a JPEG’s type and size from its header', async () => {
    await expect(inspectImage(photo)).resolves.toMatchObject({ format: 'jpeg', width: 4000, height: 3000 });
  });

  it.each(['png', 'webp', 'avif', 'gif', 'tiff'] as const)('recognises %s from the bytes', async (format) => {
    await expect(inspectImage(await encoded(format))).resolves.toMatchObject({
      format,
      width: 60,
      height: 40,
    });
  });

  it('reads a file on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gallery-inspect-'));
    try {
      const path = join(dir, 'painting.txt'); // the name lies; the bytes decide
      await writeFile(path, await encoded('png'));
      await expect(inspectImage(path)).resolves.toMatchObject({ format: 'png', width: 60, height: 40 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports the size a sideways phone photo is seen at', async () => {
    await expect(inspectImage(await orientedJpeg(6))).resolves.toMatchObject({
      format: 'jpeg',
      width: 200,
      height: 300,
    });
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a text file', Buffer.from('hello')],
    [
      'an SVG',
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
      ),
    ],
    ['random bytes', randomBytes(2048)],
    [
      'a PDF',
      Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    ],
  ])('refuses %s as unsupported', async (_name, bytes) => {
    await expect(inspectImage(bytes)).rejects.toMatchObject({
      kind: 'unsupported',
      permanent: true,
      message: UNSUPPORTED,
    });
  });

  it('refuses a tiny file declaring 30000 × 30000 from its header alone', async () => {
    const bomb = await pngDeclaring(30000, 30000);
    expect(bomb.length).toBeLessThan(200);
    const started = performance.now();
    const rejection = inspectImage(bomb);
    await expect(rejection).rejects.toBeInstanceOf(ImageRejectedError);
    await expect(rejection).rejects.toMatchObject({ kind: 'too-large', message: TOO_LARGE });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('accepts a truncated JPEG, whose header is intact; processing then refuses it', async () => {
    const truncated = photo.subarray(0, Math.floor(photo.length * 0.6));
    await expect(inspectImage(truncated)).resolves.toMatchObject({
      format: 'jpeg',
      width: 4000,
      height: 3000,
    });
  });

  it('refuses a cut-off WebP as damaged: its header cannot be parsed', async () => {
    const webp = await encoded('webp');
    await expect(inspectImage(webp.subarray(0, 30))).rejects.toMatchObject({
      kind: 'corrupt',
      message: CORRUPT,
    });
  });
});

describe('processImage', () => {
  let processed: ProcessedImage;

  beforeAll(async () => {
    processed = await processImage(photo);
  });

  it('makes a 1600 px preview and a 400 px thumbnail of a 4000 × 3000 photo', async () => {
    expect(processed).toMatchObject({ width: 4000, height: 3000 });
    expect(processed.preview).toMatchObject({ width: 1600, height: 1200 });
    expect(processed.thumb).toMatchObject({ width: 400, height: 300 });
    const [preview, thumb] = await Promise.all([
      sharp(processed.preview.data).metadata(),
      sharp(processed.thumb.data).metadata(),
    ]);
    expect(preview).toMatchObject({ format: 'webp', width: 1600, height: 1200 });
    expect(thumb).toMatchObject({ format: 'webp', width: 400, height: 300 });
  });

  it('gives a placeholder that decodes to a tiny image of the same shape', () => {
    const { w, h } = thumbHashToRGBA(Buffer.from(processed.placeholder, 'base64'));
    expect(Math.max(w, h)).toBeLessThanOrEqual(32);
    // ThumbHash stores the shape coarsely (a 32 × 23 grid here).
    expect(Math.abs(w / h - 4 / 3)).toBeLessThan(0.1);
  });

  it('gives a tall painting a tall placeholder', async () => {
    const tall = await processImage(
      await painted(100, 400, () => [40, 90, 200])
        .png()
        .toBuffer(),
    );
    const { w, h } = thumbHashToRGBA(Buffer.from(tall.placeholder, 'base64'));
    expect(Math.abs(w / h - 1 / 4)).toBeLessThan(0.05);
  });

  it('caps a scroll-like vertical painting’s thumbnail at 1200 px high', async () => {
    const scroll = await processImage(
      await painted(500, 3000, () => [180, 140, 60])
        .png()
        .toBuffer(),
    );
    expect(scroll.preview).toMatchObject({ width: 267, height: 1600 });
    expect(scroll.thumb).toMatchObject({ width: 200, height: 1200 });
  });

  it('never enlarges a small image', async () => {
    const small = await processImage(
      await painted(300, 200, () => [180, 140, 60])
        .png()
        .toBuffer(),
    );
    expect(small.preview).toMatchObject({ width: 300, height: 200 });
    expect(small.thumb).toMatchObject({ width: 300, height: 200 });
  });

  const markerCorner = {
    1: 'top-left',
    2: 'top-right',
    3: 'bottom-right',
    4: 'bottom-left',
    5: 'top-left',
    6: 'top-right',
    7: 'bottom-right',
    8: 'bottom-left',
  } as const;

  it.each(Object.entries(markerCorner).map(([o, corner]) => [Number(o), corner] as const))(
    'turns EXIF orientation %i upright (the marker ends up %s)',
    async (orientation, corner) => {
      const result = await processImage(await orientedJpeg(orientation));
      const [width, height] = orientation >= 5 ? [200, 300] : [300, 200];
      expect(result).toMatchObject({ width, height });
      expect(result.preview).toMatchObject({ width, height });
      const x = corner.endsWith('left') ? 5 : width - 6;
      const y = corner.startsWith('top') ? 5 : height - 6;
      expect(isRed(await pixelAt(result.preview.data, x, y))).toBe(true);
      expect(isRed(await pixelAt(result.preview.data, width - 1 - x, height - 1 - y))).toBe(false);
    },
  );

  it('strips GPS and all other metadata from what it publishes', async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const result = await processImage(original);
    for (const output of [result.preview.data, result.thumb.data]) {
      const metadata = await sharp(output).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.iptc).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
    }
  });

  it('keeps a PNG’s transparency and takes colours from its opaque pixels only', async () => {
    const result = await processImage(await transparentPng());
    expect((await sharp(result.preview.data).metadata()).hasAlpha).toBe(true);
    expect((await sharp(result.thumb.data).metadata()).hasAlpha).toBe(true);
    expect(result.colors).toHaveLength(1);
    expect(hueDistance(result.colors[0].hue, 0)).toBeLessThanOrEqual(5);
    expect(result.colors[0].weight).toBeGreaterThan(0.9);
  });

  it('reads a 16-bit PNG into an 8-bit WebP with the right colour', async () => {
    const original = await png16();
    expect((await sharp(original).metadata()).bitsPerSample).toBe(16);
    const result = await processImage(original);
    expect((await sharp(result.preview.data).metadata()).depth).toBe('uchar');
    expect(result.colors).toHaveLength(1);
    expect(result.colors[0].hue).toBeGreaterThanOrEqual(215);
    expect(result.colors[0].hue).toBeLessThanOrEqual(230);
  });

  it('converts a CMYK JPEG to sRGB', async () => {
    const original = await cmykJpeg();
    expect((await sharp(original).metadata()).space).toBe('cmyk');
    const result = await processImage(original);
    expect(await sharp(result.preview.data).metadata()).toMatchObject({ space: 'srgb', channels: 3 });
    expect(result.colors).toHaveLength(1);
    expect(result.colors[0].hue).toBeGreaterThanOrEqual(200);
    expect(result.colors[0].hue).toBeLessThanOrEqual(250);
  });

  it('takes the first frame of an animated GIF', async () => {
    const result = await processImage(await animatedGif());
    expect(result).toMatchObject({ width: 120, height: 80 });
    expect(result.preview).toMatchObject({ width: 120, height: 80 });
    expect(result.colors.map((c) => c.hex)).toEqual(['#ff0000']);
  });

  it.each(['png', 'webp', 'avif', 'tiff'] as const)('processes %s', async (format) => {
    const result = await processImage(await encoded(format));
    expect(result.preview).toMatchObject({ width: 60, height: 40 });
    expect(hueDistance(result.colors[0].hue, 6)).toBeLessThanOrEqual(5); // #c0392b
  });

  it('refuses a truncated JPEG as damaged instead of publishing a grey half', async () => {
    const truncated = photo.subarray(0, Math.floor(photo.length * 0.6));
    const rejection = processImage(truncated);
    await expect(rejection).rejects.toBeInstanceOf(ImageRejectedError);
    await expect(rejection).rejects.toMatchObject({ kind: 'corrupt', permanent: true, message: CORRUPT });
  });

  it('refuses what is not an image before decoding anything', async () => {
    await expect(processImage(Buffer.from('hello'))).rejects.toMatchObject({ kind: 'unsupported' });
    await expect(processImage(Buffer.alloc(0))).rejects.toMatchObject({ kind: 'unsupported' });
    await expect(processImage(await pngDeclaring(30000, 30000))).rejects.toMatchObject({
      kind: 'too-large',
    });
  });

  it('lets a failure that is not about the image through as is, so the job is retried', async () => {
    const rejection = processImage(join(tmpdir(), 'gallery-no-such-original.jpg'));
    await expect(rejection).rejects.toThrow(/missing/);
    await expect(rejection).rejects.not.toBeInstanceOf(ImageRejectedError);
  });

  it('processes an original given as a file path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gallery-process-'));
    try {
      const path = join(dir, 'original');
      await writeFile(path, await orientedJpeg(8));
      await expect(processImage(path)).resolves.toMatchObject({ width: 200, height: 300 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('measures the CPU time of one 12 MP JPEG (reported, not a budget)', async () => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await processImage(photo);
    const used = process.cpuUsage(cpu);
    console.log(
      `processImage, 4000 × 3000 JPEG: ${((used.user + used.system) / 1e6).toFixed(2)} CPU-s, ` +
        `${Math.round(performance.now() - started)} ms wall`,
    );
    expect(result.preview.width).toBe(1600);
  });
});

describe('dominant colours', () => {
  it('finds the one colour of a half red, half grey picture; weight is its share of the whole', async () => {
    const { colors } = await processImage(await halfRedHalfGrey());
    expect(colors).toHaveLength(1);
    expect(colors[0].hex).toBe('#ff0000');
    expect(hueDistance(colors[0].hue, 0)).toBeLessThanOrEqual(5);
    // Greys are never a colour but still part of the picture: red covers half of it.
    expect(colors[0].weight).toBeCloseTo(0.5, 1);
  });

  it('ranks four colours by how much of the picture they cover', async () => {
    const { colors } = await processImage(await fourBands());
    expect(colors.map((c) => c.hex)).toEqual(['#ff0000', '#00c800', '#0000ff', '#ffff00']);
    const expected = [
      [0, 0.4],
      [120, 0.3],
      [240, 0.2],
      [60, 0.1],
    ];
    colors.forEach((color, i) => {
      expect(hueDistance(color.hue, expected[i][0])).toBeLessThanOrEqual(5);
      expect(color.weight).toBeCloseTo(expected[i][1], 1);
    });
  });

  it('finds no colour in a black-and-white photo', async () => {
    await expect(processImage(await greyPhoto())).resolves.toMatchObject({ colors: [] });
  });

  it('reports a small red dot on grey with a small weight', async () => {
    const dotted = painted(400, 400, (x, y) =>
      (x - 200) ** 2 + (y - 200) ** 2 < 40 ** 2 ? [220, 20, 20] : [110, 110, 110],
    );
    const { colors } = await processImage(await dotted.png().toBuffer());
    expect(colors).toHaveLength(1);
    expect(hueDistance(colors[0].hue, 0)).toBeLessThanOrEqual(5);
    expect(colors[0].weight).toBeGreaterThan(0.01);
    expect(colors[0].weight).toBeLessThan(0.05);
  });
});
