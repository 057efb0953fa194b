import type { Artwork, Stage } from '@gallery/contracts';
import sharp from 'sharp';
import { bytes, createArtwork, goneSoon, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { appModes } from './support/modes';
import { JobQueue as JobQueueToken } from '../src/queue/job-queue';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** A 3000 × 2000 image with detail (a gradient), larger than the 1600 px preview. */
function bigImage(): Promise<Buffer> {
  const width = 3000;
  const height = 2000;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0, o = 0; y < height; y++)
    for (let x = 0; x < width; x++, o += 3) {
      data[o] = (x * 255) / width;
      data[o + 1] = (y * 255) / height;
      data[o + 2] = 90;
    }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .withExif({ IFD0: { Make: 'PhoneCo', Artist: 'Secret Name' } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Polls the artwork until the stage has tiles (they are made by a job after `ready`). */
async function withTiles(c: TestClient, albumId: string, stageId: string): Promise<Stage> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const album = (await c.get(`/api/albums/${albumId}`)).body as Artwork;
    const stage = album.stages.find((s) => s.id === stageId)!;
    if (stage.image?.tiles) return stage;
    if (Date.now() > deadline) throw new Error('no tiles made');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(appModes())('deep-zoom tiles — %s', (_name, options) => {
  let app: TestApp;
  let painter: TestClient;
  beforeAll(async () => {
    app = await TestApp.start(options);
    painter = app.client();
    await painter.register('turner');
  });
  afterAll(() => app.close());

  it('makes a DeepZoom pyramid of a big image after it is ready, served immutable, deleted with the stage', async () => {
    const album = await createArtwork(painter, 'Rain, Steam and Speed');
    const upload = await uploadStages(painter, album.id, [{ body: await bigImage(), name: 'big.jpg' }]);
    expect(upload.status).toBe(201);
    const ready = (await settled(painter, album.id)).stages[0]!;
    expect(ready.status).toBe('ready');
    expect(ready.image).toMatchObject({ width: 3000, height: 2000 });

    const stage = await withTiles(painter, album.id, ready.id);
    expect(stage.image!.tiles).toEqual({
      url: expect.stringMatching(/^\/api\/media\/tiles\/[\w-]+\/[\w-]+\.dzi$/),
      format: 'dzi',
      width: 3000,
      height: 2000,
    });
    const dziUrl = stage.image!.tiles!.url;
    const dzi = await bytes(painter, dziUrl);
    expect(dzi.status).toBe(200);
    expect(dzi.body.toString()).toMatch(/TileSize="256"[\s\S]*Height="2000"[\s\S]*Width="3000"/);

    // The deepest level (ceil(log2 3000) = 12) is full resolution; its last tile is at (11, 7).
    const base = dziUrl.replace(/\.dzi$/, '_files');
    const tileUrl = `${base}/12/11_7.webp`;
    const tile = await painter.get(tileUrl).buffer(true);
    expect(tile.status).toBe(200);
    expect(tile.headers['content-type']).toBe('image/webp');
    expect(tile.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const tileBytes = (await bytes(painter, tileUrl)).body;
    const meta = await sharp(tileBytes).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
      format: 'webp',
      width: 3000 - 11 * 256,
      height: 2000 - 7 * 256,
    });
    expect(meta.exif).toBeUndefined();
    // libvips' properties file (the original's metadata) is never published.
    expect((await painter.get(`${base}/vips-properties.xml`)).status).toBe(404);
    expect((await painter.get(`${base}/0/0_0.webp`)).status).toBe(200);

    // Cards carry the cover's tiles too.
    const cards = (await painter.get('/api/users/turner/albums')).body.items;
    expect(cards[0].cover.tiles).toEqual(stage.image!.tiles);

    expect((await painter.delete(`/api/albums/${album.id}/stages/${stage.id}`)).status).toBe(204);
    expect(await goneSoon(painter, tileUrl)).toBe(true);
    expect(await goneSoon(painter, `${base}/0/0_0.webp`)).toBe(true);
    expect(await goneSoon(painter, dziUrl)).toBe(true);
  }, 120_000);

  it('makes no tiles for an image no larger than its preview', async () => {
    const album = await createArtwork(painter, 'Small study');
    await uploadStages(painter, album.id, [{ body: await png(1600, 900), name: 'small.png' }]);
    const stage = (await settled(painter, album.id)).stages[0]!;
    expect(stage.status).toBe('ready');
    await app.get(JobQueueToken).drain();
    const again = (await painter.get(`/api/albums/${album.id}`)).body as Artwork;
    expect(again.stages[0]!.image!.tiles).toBeNull();
    expect(again.cover!.tiles).toBeNull();
  });

  it('deletes the tiles with the artwork', async () => {
    const album = await createArtwork(painter, 'Fighting Temeraire');
    await uploadStages(painter, album.id, [{ body: await bigImage(), name: 'big.jpg' }]);
    const ready = (await settled(painter, album.id)).stages[0]!;
    const stage = await withTiles(painter, album.id, ready.id);
    const base = stage.image!.tiles!.url.replace(/\.dzi$/, '_files');
    expect((await painter.get(`${base}/12/0_0.webp`)).status).toBe(200);

    expect((await painter.delete(`/api/albums/${album.id}`)).status).toBe(204);
    expect(await goneSoon(painter, `${base}/12/0_0.webp`)).toBe(true);
    expect(await goneSoon(painter, stage.image!.tiles!.url)).toBe(true);
  }, 120_000);
});
