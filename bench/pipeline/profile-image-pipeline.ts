/**
 * Where a stage's CPU goes, without Nest, HTTP, a database or a queue:
 * `npm run bench:pipeline-profile -w bench` (BENCH_N images, default 16).
 *
 * Imports only backend/src/media's pure functions (tsx emits no decorator metadata, so anything
 * with Nest decorators would not load), times Gallery's processImage as the worker runs it, then
 * each of its steps on its own, then alternatives worth proposing. The steps are re-implemented
 * here as processImage performs them at the time of writing; check image-pipeline.ts when it changes.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type Sharp, type WebpOptions } from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import { dominantColors } from '../../backend/src/media/dominant-colors';
import { configureSharp, inspectImage, processImage } from '../../backend/src/media/image-pipeline';
import { makeImages } from './images';
import { inLanes } from './pool';

interface Raw {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

const LANES = cpus().length;

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_N || 16);
  const dir = await mkdtemp(join(tmpdir(), 'gallery-bench-profile-'));
  try {
    const files = await makeImages(dir, n, LANES);
    configureSharp();
    console.log(`\n${n} images; "lanes" = images in flight; CPU-s are per image, all threads\n`);

    console.log('Whole jobs:');
    await measure('processImage (Gallery job core)', files, LANES, (f) => processImage(f));
    await measure('  same, 1 lane (latency, no overlap)', files, 1, (f) => processImage(f));
    for (const effort of [0, 2, 3]) {
      await measure(`  variant: WebP effort ${effort} (now 4)`, files, LANES, (f) => galleryLike(f, effort));
    }
    await measure('  variant: preview only, no thumb/hash/colours', files, LANES, (f) =>
      decode(f).then((px) => webp(px, 1600, 1600, { quality: 82, effort: 4 })),
    );
    await measure(
      '  variant: thumb from the preview decode, two decodes like vipsthumbnail',
      files,
      LANES,
      (f) => twoDecodes(f),
    );
    sharp.concurrency(2);
    await measure('  variant: sharp.concurrency(2) (now 1)', files, LANES, (f) => processImage(f));
    configureSharp();

    console.log('\nSteps, one lane (what each costs alone):');
    const pixels = new Map<string, Raw>();
    await measure('upload: SHA-256 of the file (multer tap)', files, 1, sha256);
    await measure('upload: inspectImage (sniff)', files, 1, (f) => inspectImage(f));
    await measure('storage: copy of the original (local put/get)', files, 1, (f) => copyFile(f, `${f}.copy`));
    await measure('decode JPEG → 1600 px sRGB raw (shrink-on-load)', files, 1, async (f) =>
      pixels.set(f, await decode(f)),
    );
    await measure('preview: 1600 px WebP q82 effort 4', files, 1, (f) =>
      webp(pixels.get(f)!, 1600, 1600, { quality: 82, effort: 4 }),
    );
    await measure('thumb: 400 px WebP q80 effort 4', files, 1, (f) =>
      webp(pixels.get(f)!, 400, 1200, { quality: 80, effort: 4 }),
    );
    await measure('thumbhash (100 px sample)', files, 1, (f) => thumbhash(pixels.get(f)!));
    await measure('colours (64 px nearest + k-means)', files, 1, (f) => colours(pixels.get(f)!));

    console.log('\nPreview WebP q82 by effort: what a cheaper encode costs in bytes and fidelity:');
    for (const effort of [0, 2, 3, 4, 6]) await effortTradeoff(effort, [...pixels.values()]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `work` over the files with `lanes` in flight; prints images/s and CPU-s per image. */
async function measure(
  label: string,
  files: string[],
  lanes: number,
  work: (file: string) => Promise<unknown>,
) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await inLanes(files, lanes, work);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuPerImage = (used.user + used.system) / 1e6 / files.length;
  console.log(
    `  ${label.padEnd(62)} ${(files.length / seconds).toFixed(2).padStart(6)} img/s  ${cpuPerImage.toFixed(3)} CPU-s`,
  );
}

/** Mean preview size and PSNR against the pixels encoded (higher is closer; ≥ 40 dB is very good). */
async function effortTradeoff(effort: number, all: Raw[]): Promise<void> {
  let bytes = 0;
  let psnr = 0;
  let seconds = 0;
  for (const px of all) {
    const started = performance.now();
    const encoded = await webp(px, 1600, 1600, { quality: 82, effort });
    seconds += (performance.now() - started) / 1000;
    const decoded = await sharp(encoded).removeAlpha().raw().toBuffer();
    bytes += encoded.length;
    psnr += psnrOf(px, decoded);
  }
  const n = all.length;
  console.log(
    `  effort ${effort}: ${Math.round(bytes / n / 1024)} KiB, PSNR ${(psnr / n).toFixed(2)} dB, ${((seconds / n) * 1000).toFixed(0)} ms per encode`,
  );
}

function psnrOf(px: Raw, decoded: Buffer): number {
  let sum = 0;
  let count = 0;
  // Compare RGB only; the decoded buffer has the same layout when the source has 3 channels.
  for (let i = 0; i < px.data.length; i += px.channels) {
    for (let c = 0; c < 3; c++) {
      const d = px.data[i + c]! - decoded[(i / px.channels) * 3 + c]!;
      sum += d * d;
      count++;
    }
  }
  return 10 * Math.log10((255 * 255) / (sum / count));
}

/** processImage's decode: auto-orient, shrink to preview size, 8-bit sRGB raw. */
async function decode(file: string): Promise<Raw> {
  const { data, info } = await sharp(file, { failOn: 'error', sequentialRead: true, pages: 1 })
    .autoOrient()
    .resize(1600, 1600, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as 3 | 4 };
}

function fromRaw({ data, width, height, channels }: Raw): Sharp {
  return sharp(data, { raw: { width, height, channels } });
}

function webp(px: Raw, w: number, h: number, options: WebpOptions): Promise<Buffer> {
  return fromRaw(px).resize(w, h, { fit: 'inside', withoutEnlargement: true }).webp(options).toBuffer();
}

async function sample(px: Raw, size: number, kernel?: 'nearest'): Promise<Raw> {
  const { data, info } = await fromRaw(px)
    .resize(size, size, { fit: 'inside', withoutEnlargement: true, kernel })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 4 };
}

async function thumbhash(px: Raw): Promise<string> {
  const s = await sample(px, 100);
  return Buffer.from(rgbaToThumbHash(s.width, s.height, s.data)).toString('base64');
}

async function colours(px: Raw): Promise<unknown> {
  return dominantColors(await sample(px, 64, 'nearest'));
}

/** processImage with another WebP effort for both outputs. */
async function galleryLike(file: string, effort: number): Promise<unknown> {
  const px = await decode(file);
  return Promise.all([
    webp(px, 1600, 1600, { quality: 82, effort }),
    webp(px, 400, 1200, { quality: 80, effort }),
    thumbhash(px),
    colours(px),
  ]);
}

/** Each output decodes the file itself (shrink-on-load picks a smaller decode for the thumb). */
async function twoDecodes(file: string): Promise<unknown> {
  const preview = decode(file).then((px) => webp(px, 1600, 1600, { quality: 82, effort: 4 }));
  const small = sharp(file).resize(400, 1200, { fit: 'inside' }).webp({ quality: 80, effort: 4 }).toBuffer();
  return Promise.all([preview, small]);
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => hash.update(c))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
