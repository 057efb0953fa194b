import type { StageColor } from '@gallery/contracts';

/** 8-bit sRGB pixels row by row, 3 (RGB) or 4 (RGBA) channels, as sharp's `raw()` gives them. */
export interface RawPixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

const MAX_COLORS = 4;
const ITERATIONS = 10;
/** Below this alpha a pixel is background, not paint. */
const MIN_ALPHA = 128;
/** Greys, near-black and near-white say nothing about a painting's palette and would drown colour search. */
const MIN_SATURATION = 0.15;
const MIN_LIGHTNESS = 0.08;
const MAX_LIGHTNESS = 0.92;
/** Colours closer than this (CIE76 ΔE) read as one colour; it also stops k-means splitting one flat red into four. */
const MIN_SEED_DISTANCE = 20;
/** A seed needs this share of the coloured pixels, so stray fringe pixels cannot take one of the four places. */
const MIN_SEED_SHARE = 0.01;
/** Lab bin edge used to find seeds: coarse enough that a colour's noise falls into few bins. */
const BIN_SIZE = 8;

/**
 * Up to four dominant colours of a small (≤ 64 px) image, heaviest first.
 *
 * Transparent pixels are ignored entirely. Greys, near-black and near-white are counted as part of
 * the picture but never become a colour, so `weight` is the colour's share of all opaque pixels:
 * a grey picture with a red dot yields one red with a small weight, an all-grey picture yields [].
 * Clustering is k-means in CIE Lab (distances there follow perception far better than in RGB),
 * seeded from the most populated Lab bins, so the same pixels always give the same colours.
 */
export function dominantColors(pixels: RawPixels): StageColor[] {
  const { lab, rgb, count, opaque } = colouredPixels(pixels);
  if (count === 0) return [];
  const centres = seeds(lab, count);
  const assignment = cluster(lab, count, centres);

  const members = new Array<{ n: number; r: number; g: number; b: number }>(centres.length);
  for (let c = 0; c < centres.length; c++) members[c] = { n: 0, r: 0, g: 0, b: 0 };
  for (let i = 0; i < count; i++) {
    const m = members[assignment[i]];
    m.n++;
    m.r += rgb[i * 3];
    m.g += rgb[i * 3 + 1];
    m.b += rgb[i * 3 + 2];
  }
  return members
    .filter((m) => m.n > 0)
    .map((m) => toStageColor(m.r / m.n, m.g / m.n, m.b / m.n, m.n / opaque))
    .filter((c) => c.weight > 0)
    .sort((x, y) => y.weight - x.weight || x.hue - y.hue);
}

/** The opaque, coloured pixels as Lab (for clustering) and sRGB (for the reported colour). */
function colouredPixels({ data, width, height, channels }: RawPixels) {
  const total = width * height;
  const lab = new Float64Array(total * 3);
  const rgb = new Uint8Array(total * 3);
  let count = 0;
  let opaque = 0;
  for (let p = 0; p < total; p++) {
    const o = p * channels;
    if (channels === 4 && data[o + 3] < MIN_ALPHA) continue;
    opaque++;
    const r = data[o];
    const g = data[o + 1];
    const b = data[o + 2];
    const { s, l } = hsl(r, g, b);
    if (s < MIN_SATURATION || l < MIN_LIGHTNESS || l > MAX_LIGHTNESS) continue;
    srgbToLab(r, g, b, lab, count * 3);
    rgb[count * 3] = r;
    rgb[count * 3 + 1] = g;
    rgb[count * 3 + 2] = b;
    count++;
  }
  return { lab, rgb, count, opaque };
}

/** Deterministic seeds: means of the fullest Lab bins, skipping any too close to one already taken. */
function seeds(lab: Float64Array, count: number): number[][] {
  const bins = new Map<number, { n: number; l: number; a: number; b: number }>();
  for (let i = 0; i < count; i++) {
    const [l, a, b] = [lab[i * 3], lab[i * 3 + 1], lab[i * 3 + 2]];
    const key =
      Math.floor(l / BIN_SIZE) * 4096 +
      Math.floor((a + 128) / BIN_SIZE) * 64 +
      Math.floor((b + 128) / BIN_SIZE);
    const bin = bins.get(key) ?? { n: 0, l: 0, a: 0, b: 0 };
    bin.n++;
    bin.l += l;
    bin.a += a;
    bin.b += b;
    bins.set(key, bin);
  }
  const ranked = [...bins.entries()].sort(([ka, a], [kb, b]) => b.n - a.n || ka - kb).map(([, bin]) => bin);
  const chosen: number[][] = [];
  for (const bin of ranked) {
    if (chosen.length === MAX_COLORS) break;
    if (chosen.length > 0 && bin.n < count * MIN_SEED_SHARE) break;
    const centre = [bin.l / bin.n, bin.a / bin.n, bin.b / bin.n];
    if (chosen.every((c) => distance2(c, centre, 0) >= MIN_SEED_DISTANCE ** 2)) chosen.push(centre);
  }
  return chosen;
}

/** Lloyd's k-means; moves `centres` in place and returns each pixel's cluster. */
function cluster(lab: Float64Array, count: number, centres: number[][]): Uint8Array {
  const assignment = new Uint8Array(count);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let changed = iteration === 0;
    for (let i = 0; i < count; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < centres.length; c++) {
        const d = distance2(centres[c], lab, i * 3);
        if (d < bestDistance) [best, bestDistance] = [c, d];
      }
      if (assignment[i] !== best) [assignment[i], changed] = [best, true];
    }
    if (!changed) break;
    const sums = centres.map(() => [0, 0, 0, 0]);
    for (let i = 0; i < count; i++) {
      const s = sums[assignment[i]];
      s[0] += lab[i * 3];
      s[1] += lab[i * 3 + 1];
      s[2] += lab[i * 3 + 2];
      s[3]++;
    }
    sums.forEach(([l, a, b, n], c) => {
      if (n > 0) centres[c] = [l / n, a / n, b / n];
    });
  }
  return assignment;
}

function distance2(centre: number[], lab: ArrayLike<number>, offset: number): number {
  const dl = centre[0] - lab[offset];
  const da = centre[1] - lab[offset + 1];
  const db = centre[2] - lab[offset + 2];
  return dl * dl + da * da + db * db;
}

function toStageColor(r: number, g: number, b: number, share: number): StageColor {
  const hex = '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  return { hex, hue: hsl(r, g, b).h, weight: Math.round(share * 1000) / 1000 };
}

/** HSL of an 8-bit sRGB colour: hue as an integer 0–359, saturation and lightness 0–1. */
function hsl(r: number, g: number, b: number): { h: number; s: number; l: number } {
  const max = Math.max(r, g, b) / 255;
  const min = Math.min(r, g, b) / 255;
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  const [rr, gg, bb] = [r / 255, g / 255, b / 255];
  let h: number;
  if (max === rr) h = ((gg - bb) / d + 6) % 6;
  else if (max === gg) h = (bb - rr) / d + 2;
  else h = (rr - gg) / d + 4;
  return { h: Math.round(h * 60) % 360, s, l };
}

/** sRGB → linear light, once per 8-bit value. */
const LINEAR = Float64Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

/** 8-bit sRGB → CIE Lab (D65), written to `out` at `offset`. */
function srgbToLab(r: number, g: number, b: number, out: Float64Array, offset: number): void {
  const [lr, lg, lb] = [LINEAR[r], LINEAR[g], LINEAR[b]];
  const x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / 0.95047;
  const y = 0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb;
  const z = (0.0193339 * lr + 0.119192 * lg + 0.9503041 * lb) / 1.08883;
  const [fx, fy, fz] = [x, y, z].map((t) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116));
  out[offset] = 116 * fy - 16;
  out[offset + 1] = 500 * (fx - fy);
  out[offset + 2] = 200 * (fy - fz);
}
