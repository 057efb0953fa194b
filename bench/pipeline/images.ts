import { join } from 'node:path';
import sharp from 'sharp';
import { inLanes } from './pool';

const WIDTH = 4000;
const HEIGHT = 3000;
const RAW = { width: WIDTH, height: HEIGHT, channels: 3 } as const;

/**
 * Makes `n` distinct 12 MP JPEGs (quality 90, ~3.5 MB each, like a phone photo of a painting).
 * Flat colour would flatter every encoder, so each image layers what real artwork photos have:
 * broad colour gradients, semi-transparent brush-like shapes with hard edges, a mid-frequency
 * canvas texture and per-pixel sensor grain. Seeded, so a run's images are reproducible.
 */
export async function makeImages(dir: string, n: number, lanes: number): Promise<string[]> {
  let done = 0;
  const indexes = Array.from({ length: n }, (_, i) => i + 1);
  return inLanes(indexes, lanes, async (seed) => {
    const file = join(dir, `stage-${String(seed).padStart(3, '0')}.jpg`);
    await paint(seed, file);
    done++;
    // A progress counter on a terminal; one line in a log file.
    if (process.stdout.isTTY) process.stdout.write(`\r  generating images: ${done}/${n}`);
    if (done === n) process.stdout.write(`${process.stdout.isTTY ? '\r' : ''}  generated ${n} images\n`);
    return file;
  });
}

async function paint(seed: number, file: string): Promise<void> {
  const random = lcg(seed);
  const gradients = await upscaledNoise(8, 6, random, 0, 256);
  const texture = await upscaledNoise(400, 300, random, 90, 166);
  await sharp(gradients, { raw: RAW })
    .composite([
      { input: shapes(random) },
      { input: texture, raw: RAW, blend: 'soft-light' },
      {
        input: { create: { ...RAW, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 24 } } },
        blend: 'soft-light',
      },
    ])
    .jpeg({ quality: 90 })
    .toFile(file);
}

/**
 * Random colours on a small grid blown up to full size with a cubic kernel: smooth gradients
 * (coarse grid, full range) or a canvas-like texture (fine grid, narrow range around grey).
 */
async function upscaledNoise(
  w: number,
  h: number,
  random: () => number,
  lo: number,
  hi: number,
): Promise<Buffer> {
  const small = Buffer.alloc(w * h * 3);
  for (let i = 0; i < small.length; i++) small[i] = Math.floor(lo + random() * (hi - lo));
  return sharp(small, { raw: { width: w, height: h, channels: 3 } })
    .resize(WIDTH, HEIGHT, { kernel: 'cubic', fit: 'fill' })
    .raw()
    .toBuffer();
}

/** Sixty translucent rotated ellipses: hard edges and flat areas, as brush strokes give. */
function shapes(random: () => number): Buffer {
  const byte = (): number => Math.floor(random() * 256);
  const ellipses = Array.from({ length: 60 }, () => {
    const [cx, cy] = [random() * WIDTH, random() * HEIGHT];
    const [rx, ry] = [20 + random() * 400, 10 + random() * 120];
    const fill = `rgb(${byte()},${byte()},${byte()})`;
    const opacity = (0.2 + random() * 0.5).toFixed(2);
    const angle = (random() * 180).toFixed(1);
    return `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" transform="rotate(${angle} ${cx} ${cy})" fill="${fill}" fill-opacity="${opacity}"/>`;
  });
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">${ellipses.join('')}</svg>`,
  );
}

/** A tiny seeded generator (Numerical Recipes LCG): distinct, reproducible images without a dependency. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
