import sharp from 'sharp';

export interface TimelapseFilm {
  /** Animated WebP, looping. */
  film: Buffer;
  /** The final stage on the film's canvas, WebP. */
  poster: Buffer;
  width: number;
  height: number;
  frames: number;
}

export const TIMELAPSE_MAX_SIDE = 1080;
const HOLD_MS = 1000;
const FINAL_HOLD_MS = 2500;
const BLEND_FRAMES = 4;
const BLEND_MS = 80;
const CHANNELS = 3;
const BACKGROUND = { r: 17, g: 17, b: 17 };

/**
 * The process film: each stage held about a second and cross-faded into the next, ending on the
 * final one, every stage fitted (letterboxed, never stretched) on one canvas shaped like the final
 * stage, at most 1080 px on its long side. One animated WebP plus a poster of the final frame.
 */
export async function renderTimelapse(images: Buffer[]): Promise<TimelapseFilm> {
  if (images.length < 2) throw new Error('a timelapse needs two or more stages');
  const last = await sharp(images.at(-1)!).metadata();
  const scale = Math.min(1, TIMELAPSE_MAX_SIDE / Math.max(last.width, last.height));
  const width = Math.max(2, Math.round(last.width * scale));
  const height = Math.max(2, Math.round(last.height * scale));
  const stills = await Promise.all(
    images.map((img) =>
      sharp(img)
        .resize(width, height, { fit: 'contain', background: BACKGROUND })
        .flatten({ background: BACKGROUND })
        .removeAlpha()
        .raw()
        .toBuffer(),
    ),
  );
  const frames: Buffer[] = [];
  const delay: number[] = [];
  for (const [i, still] of stills.entries()) {
    frames.push(still);
    const next = stills[i + 1];
    if (!next) {
      delay.push(FINAL_HOLD_MS);
      break;
    }
    delay.push(HOLD_MS);
    for (let k = 1; k <= BLEND_FRAMES; k++) {
      frames.push(blend(still, next, k / (BLEND_FRAMES + 1)));
      delay.push(BLEND_MS);
    }
  }
  const film = await sharp(Buffer.concat(frames), {
    raw: { width, height: height * frames.length, channels: CHANNELS, pageHeight: height },
  })
    .webp({ delay, loop: 0, quality: 70, effort: 2, minSize: false, mixed: false })
    .toBuffer();
  const poster = await sharp(stills.at(-1)!, { raw: { width, height, channels: CHANNELS } })
    .webp({ quality: 82, effort: 2 })
    .toBuffer();
  return { film, poster, width, height, frames: frames.length };
}

function blend(a: Buffer, b: Buffer, t: number): Buffer {
  const out = Buffer.allocUnsafe(a.length);
  const wb = Math.round(t * 256);
  const wa = 256 - wb;
  for (let i = 0; i < a.length; i++) out[i] = (a[i]! * wa + b[i]! * wb) >> 8;
  return out;
}
