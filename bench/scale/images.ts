import sharp from 'sharp';

/**
 * A painting-like JPEG (gradient, translucent shapes, grain) of `width`×`height`, seeded: enough
 * structure that the encoders do real work, made in tens of milliseconds.
 */
export async function paintJpeg(width: number, height: number, seed: number): Promise<Buffer> {
  let state = seed * 2654435761;
  const random = (): number => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const hue = (): string => `hsl(${Math.floor(random() * 360)},${40 + Math.floor(random() * 40)}%,50%)`;
  const shapes = Array.from({ length: 40 }, () => {
    const [x, y, r] = [random() * width, random() * height, 20 + random() * width * 0.15];
    return `<ellipse cx="${x}" cy="${y}" rx="${r}" ry="${r * (0.3 + random())}" fill="${hue()}" fill-opacity="0.45" transform="rotate(${random() * 180} ${x} ${y})"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hue()}"/><stop offset="1" stop-color="${hue()}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  return sharp(Buffer.from(svg))
    .composite([
      {
        input: {
          create: {
            width,
            height,
            channels: 3,
            background: '#000',
            noise: { type: 'gaussian', mean: 128, sigma: 18 },
          },
        },
        blend: 'soft-light',
      },
    ])
    .jpeg({ quality: 88 })
    .toBuffer();
}

/**
 * The same picture as a different file: a JPEG comment right after the start marker changes the
 * SHA-256 (an artwork answers a repeated file with its existing stage) but not the pixels.
 */
export function uniqueCopy(jpeg: Buffer, tag: string): Buffer {
  const text = Buffer.from(tag, 'utf8');
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, text, jpeg.subarray(2)]);
}
