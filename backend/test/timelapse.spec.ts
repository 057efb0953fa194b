import type { Artwork, Timelapse } from '@gallery/contracts';
import sharp from 'sharp';
import { JobQueue } from '../src/queue/job-queue';
import { bytes, createArtwork, goneSoon, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { appModes } from './support/modes';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

const COLOURS = ['#ff0000', '#00ff00', '#0000ff'];

/** The dominant channel of page `page` of an animated WebP: 0 red, 1 green, 2 blue. */
async function pageColour(film: Buffer, page: number): Promise<number> {
  const { channels } = await sharp(film, { page, pages: 1 }).stats();
  const means = channels.slice(0, 3).map((c) => c.mean);
  return means.indexOf(Math.max(...means));
}

describe.each(appModes())('timelapse — %s', (_name, options) => {
  let app: TestApp;
  let painter: TestClient;
  let viewer: TestClient;
  let album: Artwork;
  const film = async () => {
    await app.get(JobQueue).drain();
    const res = await viewer.get(`/api/albums/${album.id}/timelapse`);
    expect(res.status).toBe(200);
    return res.body as Timelapse;
  };

  beforeAll(async () => {
    app = await TestApp.start(options);
    painter = app.client();
    await painter.register('filmmaker');
    viewer = app.client();
    album = await createArtwork(painter, 'Filmed');
    const files = await Promise.all(
      COLOURS.map(async (c, i) => ({ body: await png(600 + i * 100, 400, c), name: `${i}.png` })),
    );
    await uploadStages(painter, album.id, files);
    album = await settled(painter, album.id);
  });
  afterAll(() => app.close());

  it('renders the stages in order, held and cross-faded, letterboxed on one canvas', async () => {
    const t = await film();
    expect(t).toMatchObject({ status: 'ready', frames: 3 + 2 * 4 });
    expect(Math.max(t.width, t.height)).toBeLessThanOrEqual(1080);
    const { body } = await bytes(viewer, t.url!);
    expect(body.length).toBe(t.bytes);
    const meta = await sharp(body, { animated: true }).metadata();
    expect(meta.pages).toBe(11);
    expect(meta.delay![0]).toBeGreaterThanOrEqual(900);
    expect([await pageColour(body, 0), await pageColour(body, 5), await pageColour(body, 10)]).toEqual([
      0, 1, 2,
    ]);
    expect((await bytes(viewer, t.posterUrl!)).status).toBe(200);
  });

  it('is rebuilt after a reorder', async () => {
    const before = await film();
    const ids = [...album.stages].reverse().map((s) => s.id);
    expect((await painter.put(`/api/albums/${album.id}/stages/order`, { stageIds: ids })).status).toBe(200);
    const after = await film();
    expect(after.url).not.toBe(before.url);
    const { body } = await bytes(viewer, after.url!);
    expect([await pageColour(body, 0), await pageColour(body, 10)]).toEqual([2, 0]);
  });

  it('serves an embeddable page', async () => {
    const res = await viewer.get(`/api/embed/a/${album.id}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<img src=');
  });

  it('is deleted with the artwork', async () => {
    const t = await film();
    expect((await painter.delete(`/api/albums/${album.id}`)).status).toBe(204);
    expect(await goneSoon(viewer, t.url!)).toBe(true);
    expect((await viewer.get(`/api/albums/${album.id}/timelapse`)).status).toBe(404);
  });
});
