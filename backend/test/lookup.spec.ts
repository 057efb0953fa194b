import type { LookupResult } from '@gallery/contracts';
import sharp from 'sharp';
import { differenceHash, hammingDistance, hashBands } from '../src/media/perceptual-hash';
import { JobQueue } from '../src/queue/job-queue';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { appModes } from './support/modes';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** A smooth, painting-like image (gradients and soft waves), different for each seed. */
function painting(seed: number, width = 800, height = 600): Promise<Buffer> {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      px[o] = ((seed % 2 ? width - x : x) * 255) / width;
      px[o + 1] = 128 + 100 * Math.sin(x / (130 + seed * 17)) * Math.cos(y / (97 - seed * 9));
      px[o + 2] = 128 + 120 * Math.sin((x + (2 + seed) * y) / 150);
    }
  }
  return sharp(px, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

describe('perceptual hash', () => {
  it('keeps resized and lightly cropped copies within the band guarantee and unrelated ones far', async () => {
    const original = await painting(0);
    const hash = await differenceHash(original);
    expect(hashBands(hash)).toHaveLength(8);
    const half = await sharp(original).resize(400).jpeg({ quality: 70 }).toBuffer();
    const crop = await sharp(original).extract({ left: 40, top: 30, width: 720, height: 540 }).toBuffer();
    expect(hammingDistance(hash, await differenceHash(half))).toBeLessThanOrEqual(3);
    expect(hammingDistance(hash, await differenceHash(crop))).toBeLessThanOrEqual(7);
    expect(hammingDistance(hash, await differenceHash(await painting(3)))).toBeGreaterThan(12);
  });
});

describe.each(appModes())('lookup — %s', (_name, options) => {
  let app: TestApp;
  let painter: TestClient;
  let stranger: TestClient;
  let original: Buffer;
  let secret: Buffer;
  let publicId: string;
  let unlistedId: string;

  const lookup = async (c: TestClient, body: Buffer, name = 'found.png') => {
    const res = await c.upload('post', '/api/lookup', 'file', [{ body, name }]);
    expect(res.status).toBe(200);
    return (res.body as LookupResult).matches;
  };

  beforeAll(async () => {
    app = await TestApp.start(options);
    painter = app.client();
    await painter.register('looked_up');
    stranger = app.client();
    original = await painting(0);
    secret = await painting(1);
    const shown = await createArtwork(painter, 'Shown');
    publicId = shown.id;
    await uploadStages(painter, shown.id, [
      { body: await png(640, 480, '#27ae60'), name: 'sketch.png' },
      { body: original, name: 'final.png' },
    ]);
    const hidden = await createArtwork(painter, 'Hidden', { visibility: 'unlisted' });
    unlistedId = hidden.id;
    await uploadStages(painter, hidden.id, [{ body: secret, name: 'secret.png' }]);
    await settled(painter, shown.id);
    await settled(painter, hidden.id);
    await app.get(JobQueue).drain();
  });
  afterAll(() => app.close());

  it('finds the exact file', async () => {
    const [match, ...rest] = await lookup(stranger, original);
    expect(match).toMatchObject({
      album: { id: publicId, owner: { username: 'looked_up' } },
      position: 1,
      exact: true,
      distance: 0,
    });
    expect(match!.uploadedAt).toEqual(expect.any(String));
    expect(rest.every((m) => !m.exact)).toBe(true);
  });

  it('finds a 50 % re-encoded copy and a 10 % crop, near, with their distance', async () => {
    const half = await sharp(original).resize(400).jpeg({ quality: 70 }).toBuffer();
    const crop = await sharp(original)
      .extract({ left: 40, top: 30, width: 720, height: 540 })
      .png()
      .toBuffer();
    for (const copy of [half, crop]) {
      const [match] = await lookup(stranger, copy, 'copy.jpg');
      expect(match).toMatchObject({ album: { id: publicId }, position: 1, kind: 'other', exact: false });
      expect(match!.distance).toBeLessThanOrEqual(7);
    }
  });

  it('finds nothing for an unrelated image', async () => {
    expect(await lookup(stranger, await painting(3))).toEqual([]);
  });

  it('never returns unlisted stages to others, only to their painter', async () => {
    expect(await lookup(stranger, secret)).toEqual([]);
    const own = await lookup(painter, secret);
    expect(own[0]).toMatchObject({ album: { id: unlistedId }, exact: true });
  });

  it('refuses a file that is not an image', async () => {
    const res = await stranger.upload('post', '/api/lookup', 'file', [
      { body: Buffer.from('hello'), name: 'a.txt' },
    ]);
    expect(res.status).toBe(415);
  });
});
