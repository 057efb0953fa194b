import type { Artwork, ArtworkCard, Page, Stage } from '@gallery/contracts';
import sharp from 'sharp';
import { bytes, createArtwork, goneSoon, settled, uploadStages } from './support/artworks';
import { jpegWithGps, png } from './support/images';
import { appModes } from './support/modes';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

describe.each(appModes())('artworks — %s', (_name, options) => {
  let app: TestApp;
  let painter: TestClient;
  let viewer: TestClient;
  beforeAll(async () => {
    app = await TestApp.start(options);
    painter = app.client();
    await painter.register('vermeer');
    viewer = app.client();
    await viewer.register('viewer');
  });
  afterAll(() => app.close());

  const colours = ['#c0392b', '#2e86c1', '#27ae60', '#f1c40f', '#8e44ad'];
  const images = (n: number, w = 640, h = 480) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        png(w + i, h, colours[i % colours.length]).then((body) => ({ body, name: `stage-${i}.png` })),
      ),
    );

  describe('create and read', () => {
    it('creates a public artwork with a share code only its painter sees', async () => {
      const album = await createArtwork(painter, '  Girl with a pearl  ', { description: 'Oil on canvas' });
      expect(album).toMatchObject({
        title: 'Girl with a pearl',
        description: 'Oil on canvas',
        visibility: 'public',
        stages: [],
        cover: null,
        coverPinned: false,
        owner: { username: 'vermeer' },
      });
      expect(album.shareCode).toMatch(/^[\w-]{16}$/);
      const seen = (await viewer.get(`/api/albums/${album.id}`)).body as Artwork;
      expect(seen.shareCode).toBeNull();
      expect(seen.title).toBe('Girl with a pearl');
    });

    it.each([
      ['an empty title', { title: '  ' }, 'title must be 1 to 120 characters'],
      ['a 121-character title', { title: 't'.repeat(121) }, 'title must be 1 to 120 characters'],
      [
        'a 5001-character description',
        { title: 'ok', description: 'd'.repeat(5001) },
        'description must be at most 5000 characters',
      ],
      [
        'an unknown visibility',
        { title: 'ok', visibility: 'secret' },
        'visibility must be public or unlisted',
      ],
      ['an unknown field', { title: 'ok', ownerId: 'x' }, 'property ownerId should not exist'],
    ])('refuses %s with 400', async (_what, body, message) => {
      const before = (await painter.get('/api/users/vermeer/albums')).body.items.length;
      const res = await painter.post('/api/albums', body);
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(expect.arrayContaining([message]));
      expect((await painter.get('/api/users/vermeer/albums')).body.items.length).toBe(before);
    });

    it('needs a session to create (401)', async () => {
      expect((await app.client().post('/api/albums', { title: 'x' })).status).toBe(401);
    });

    it('hides an unlisted artwork by id from others (404) but opens it by share code', async () => {
      const album = await createArtwork(painter, 'Secret study', { visibility: 'unlisted' });
      expect((await painter.get(`/api/albums/${album.id}`)).status).toBe(200);
      const hidden = await viewer.get(`/api/albums/${album.id}`);
      expect(hidden.status).toBe(404);
      expect(hidden.body).toMatchObject({
        statusCode: 404,
        error: 'Not Found',
        message: 'no artwork here',
        code: 'ARTWORK_NOT_FOUND',
      });
      expect((await app.client().get(`/api/albums/${album.id}`)).status).toBe(404);
      const shared = await app.client().get(`/api/shared/${album.shareCode}`);
      expect(shared.status).toBe(200);
      expect(shared.body).toMatchObject({ id: album.id, shareCode: null });
      expect((await app.client().get('/api/shared/not-a-code')).status).toBe(404);
    });
  });

  describe('upload and processing', () => {
    let album: Artwork;
    beforeAll(async () => {
      album = await createArtwork(painter, 'Evolution');
    });

    it('adds stages at the end as pending, then each turns ready with thumbnail, preview, placeholder and palette', async () => {
      const res = await uploadStages(painter, album.id, await images(3, 1200, 900));
      expect(res.status).toBe(201);
      const stages = res.body.stages as Stage[];
      expect(stages.map((s) => s.position)).toEqual([0, 1, 2]);
      expect(stages.every((s) => ['pending', 'processing', 'ready'].includes(s.status))).toBe(true);
      const done = await settled(painter, album.id);
      expect(done.stages.map((s) => s.status)).toEqual(['ready', 'ready', 'ready']);
      const first = done.stages[0]!;
      expect(first.image).toMatchObject({ width: 1200, height: 900, placeholder: expect.any(String) });
      expect(first.colors[0]).toMatchObject({ hex: expect.stringMatching(/^#[0-9a-f]{6}$/) });
      expect(first.colors[0]!.hue).toBeLessThan(15);
      const thumb = await bytes(viewer, first.image!.thumbUrl);
      expect(thumb.type).toBe('image/webp');
      expect((await sharp(thumb.body).metadata()).width).toBe(400);
      const preview = await sharp((await bytes(viewer, first.image!.previewUrl)).body).metadata();
      expect([preview.width, preview.height]).toEqual([1200, 900]);
      // The cover follows the newest stage.
      expect(done.coverStageId).toBe(done.stages[2]!.id);
      expect(done.cover?.thumbUrl).toBe(done.stages[2]!.image!.thumbUrl);
    });

    it('answers a file already in the artwork with its existing stage', async () => {
      const before = ((await painter.get(`/api/albums/${album.id}`)).body as Artwork).stages;
      const again = await uploadStages(painter, album.id, [
        { body: await png(1200, 900, colours[0]), name: 'same.png' },
      ]);
      expect(again.status).toBe(201);
      expect(again.body.stages[0].id).toBe(before[0]!.id);
      expect(((await painter.get(`/api/albums/${album.id}`)).body as Artwork).stages).toHaveLength(
        before.length,
      );
    });

    it('strips GPS and all metadata from what viewers get', async () => {
      const a = await createArtwork(painter, 'Located');
      await uploadStages(painter, a.id, [{ body: await jpegWithGps(), name: 'phone.jpg' }]);
      const stage = (await settled(painter, a.id)).stages[0]!;
      for (const url of [stage.image!.thumbUrl, stage.image!.previewUrl]) {
        const meta = await sharp((await bytes(viewer, url)).body).metadata();
        expect(meta.exif).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
      }
    });

    it.each([
      [
        'a text file named .jpg',
        async () => Buffer.from('definitely not a picture'),
        415,
        'This file is not a supported image',
      ],
      [
        'a PDF',
        async () => Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
        415,
        'This file is not a supported image',
      ],
    ])('refuses %s (415) and stores nothing', async (_what, make, status, message) => {
      const before = ((await painter.get(`/api/albums/${album.id}`)).body as Artwork).stages.length;
      const res = await uploadStages(painter, album.id, [
        { body: await png(50, 50), name: 'fine.png' },
        { body: await make(), name: 'bad.jpg' },
      ]);
      expect(res.status).toBe(status);
      expect(res.body.message).toContain('bad.jpg: ');
      expect(res.body.message).toContain(message);
      expect(((await painter.get(`/api/albums/${album.id}`)).body as Artwork).stages).toHaveLength(before);
    });

    it('refuses an image declaring more than 100 megapixels with 413', async () => {
      const res = await uploadStages(painter, album.id, [{ body: await hugeHeaderPng(), name: 'huge.png' }]);
      expect(res.status).toBe(413);
      expect(res.body.message).toMatch(/huge\.png: .*100 megapixels/);
    });

    it('refuses more than 20 files, no files, and a file over 50 MB', async () => {
      const tiny = await png(8, 8);
      const many = Array.from({ length: 21 }, (_, i) => ({
        body: Buffer.concat([tiny, Buffer.from([i])]),
        name: `${i}.png`,
      }));
      expect((await uploadStages(painter, album.id, many)).status).toBe(400);
      const none = await painter.post(`/api/albums/${album.id}/stages`);
      expect(none.status).toBe(400);
      expect(none.body.message).toBe('attach 1 to 20 images in the "files" field');
      const big = await uploadStages(painter, album.id, [
        { body: Buffer.alloc(50 * 1024 * 1024 + 1), name: 'big.png' },
      ]);
      expect(big.status).toBe(413);
    });

    it('marks a truncated JPEG failed with a reason a painter understands, and retry tries again', async () => {
      const a = await createArtwork(painter, 'Broken');
      const jpeg = await sharp({
        create: {
          width: 1600,
          height: 1200,
          channels: 3,
          background: '#808080',
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .jpeg()
        .toBuffer();
      await uploadStages(painter, a.id, [
        { body: jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), name: 'cut.jpg' },
      ]);
      const stage = (await settled(painter, a.id)).stages[0]!;
      expect(stage.status).toBe('failed');
      expect(stage.error).toMatch(/damaged or incomplete/);
      const retried = await painter.post(`/api/albums/${a.id}/stages/${stage.id}/retry`);
      expect(retried.status).toBe(200);
      expect((await settled(painter, a.id)).stages[0]!.status).toBe('failed');
    });
  });

  describe('order, edits, cover and deletion', () => {
    let album: Artwork;
    let ids: string[];
    beforeAll(async () => {
      album = await createArtwork(painter, 'Orderly');
      await uploadStages(painter, album.id, await images(4, 300, 200));
      ids = (await settled(painter, album.id)).stages.map((s) => s.id);
    });
    const order = async () =>
      ((await painter.get(`/api/albums/${album.id}`)).body as Artwork).stages.map((s) => s.id);

    it('reorders when given exactly the current stages', async () => {
      const wanted = [ids[3]!, ids[0]!, ids[1]!, ids[2]!];
      const res = await painter.put(`/api/albums/${album.id}/stages/order`, { stageIds: wanted });
      expect(res.status).toBe(200);
      expect((res.body as Stage[]).map((s) => [s.id, s.position])).toEqual(wanted.map((id, i) => [id, i]));
      expect(await order()).toEqual(wanted);
    });

    it.each([
      ['a missing stage', (x: string[]) => x.slice(1)],
      ['an extra id', (x: string[]) => [...x, 'not-a-stage']],
      ['a repeated stage', (x: string[]) => [x[0]!, x[0]!, x[1]!, x[2]!]],
    ])('refuses a list with %s (400) and keeps the order', async (_what, change) => {
      const before = await order();
      const res = await painter.put(`/api/albums/${album.id}/stages/order`, { stageIds: change(before) });
      expect(res.status).toBe(400);
      expect(await order()).toEqual(before);
    });

    it("refuses another artwork's stage (400) and keeps the order", async () => {
      const other = await createArtwork(painter, 'Other');
      await uploadStages(painter, other.id, await images(1, 100, 100));
      const foreign = ((await painter.get(`/api/albums/${other.id}`)).body as Artwork).stages[0]!.id;
      const before = await order();
      const res = await painter.put(`/api/albums/${album.id}/stages/order`, {
        stageIds: [...before.slice(1), foreign],
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe("stageIds must list exactly the artwork's current stages");
      expect(await order()).toEqual(before);
    });

    it('keeps positions 0..n-1 when two tabs reorder at once', async () => {
      const current = await order();
      const a = [...current].reverse();
      const b = [current[1]!, current[0]!, current[3]!, current[2]!];
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          painter.put(`/api/albums/${album.id}/stages/order`, { stageIds: i % 2 ? a : b }),
        ),
      );
      expect(results.every((r) => r.status === 200)).toBe(true);
      const stages = ((await painter.get(`/api/albums/${album.id}`)).body as Artwork).stages;
      expect(stages.map((s) => s.position)).toEqual([0, 1, 2, 3]);
      expect([JSON.stringify(a), JSON.stringify(b)]).toContain(JSON.stringify(stages.map((s) => s.id)));
    });

    it("edits a stage's kind, title and note; refuses bad values with 400", async () => {
      const id = ids[0]!;
      const res = await painter.patch(`/api/albums/${album.id}/stages/${id}`, {
        kind: 'sketch',
        title: 'First lines',
        note: 'Charcoal, <b>loose</b>.',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        kind: 'sketch',
        title: 'First lines',
        note: 'Charcoal, <b>loose</b>.',
      });
      for (const body of [
        { kind: 'doodle' },
        { note: 'n'.repeat(5001) },
        { title: 't'.repeat(121) },
        { title: null },
        { extra: 1 },
      ]) {
        expect((await painter.patch(`/api/albums/${album.id}/stages/${id}`, body)).status).toBe(400);
      }
      expect(
        (await painter.get(`/api/albums/${album.id}`)).body.stages.find((s: Stage) => s.id === id),
      ).toMatchObject({ kind: 'sketch', title: 'First lines' });
      expect((await painter.patch(`/api/albums/${album.id}/stages/nope`, { title: 'x' })).status).toBe(404);
    });

    it('pins a cover, unpins with null (back to the newest), and falls back when the cover is deleted', async () => {
      const newest = ids[3]!;
      const pinned = await painter.patch(`/api/albums/${album.id}`, { coverStageId: ids[1] });
      expect(pinned.body).toMatchObject({ coverStageId: ids[1], coverPinned: true });
      const unpinned = await painter.patch(`/api/albums/${album.id}`, { coverStageId: null });
      expect(unpinned.body).toMatchObject({ coverStageId: newest, coverPinned: false });
      await painter.patch(`/api/albums/${album.id}`, { coverStageId: ids[1] });
      expect((await painter.delete(`/api/albums/${album.id}/stages/${ids[1]}`)).status).toBe(204);
      const after = (await painter.get(`/api/albums/${album.id}`)).body as Artwork;
      expect(after).toMatchObject({ coverStageId: newest, coverPinned: false });
      expect(after.stages.map((s) => s.position)).toEqual([0, 1, 2]);
      expect((await painter.patch(`/api/albums/${album.id}`, { coverStageId: 'not-here' })).status).toBe(404);
    });

    it('deleting a stage removes its stored images', async () => {
      const stage = ((await painter.get(`/api/albums/${album.id}`)).body as Artwork).stages[0]!;
      expect((await painter.delete(`/api/albums/${album.id}/stages/${stage.id}`)).status).toBe(204);
      expect(await goneSoon(viewer, stage.image!.thumbUrl)).toBe(true);
      expect(await goneSoon(viewer, stage.image!.previewUrl)).toBe(true);
    });

    it('renames, describes and changes visibility; deleting the artwork removes everything', async () => {
      const res = await painter.patch(`/api/albums/${album.id}`, {
        title: 'Renamed',
        description: 'Now with a story',
        visibility: 'unlisted',
      });
      expect(res.body).toMatchObject({
        title: 'Renamed',
        description: 'Now with a story',
        visibility: 'unlisted',
      });
      const thumbs = (res.body as Artwork).stages.map((s) => s.image!.thumbUrl);
      expect((await painter.delete(`/api/albums/${album.id}`)).status).toBe(204);
      expect((await painter.get(`/api/albums/${album.id}`)).status).toBe(404);
      for (const url of thumbs) expect(await goneSoon(viewer, url)).toBe(true);
    });
  });

  describe("another painter's artwork", () => {
    let album: Artwork;
    let stageId: string;
    beforeAll(async () => {
      album = await createArtwork(painter, 'Mine');
      await uploadStages(painter, album.id, await images(2, 100, 100));
      stageId = (await settled(painter, album.id)).stages[0]!.id;
    });

    it('cannot be edited, uploaded to, reordered or deleted (403), and nothing changes', async () => {
      const before = (await painter.get(`/api/albums/${album.id}`)).body as Artwork;
      const attempts = [
        await viewer.patch(`/api/albums/${album.id}`, { title: 'Hijacked' }),
        await uploadStages(viewer, album.id, await images(1, 50, 50)),
        await viewer.put(`/api/albums/${album.id}/stages/order`, {
          stageIds: before.stages.map((s) => s.id).reverse(),
        }),
        await viewer.patch(`/api/albums/${album.id}/stages/${stageId}`, { note: 'mine now' }),
        await viewer.delete(`/api/albums/${album.id}/stages/${stageId}`),
        await viewer.delete(`/api/albums/${album.id}`),
      ];
      for (const res of attempts) {
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({
          statusCode: 403,
          error: 'Forbidden',
          message: 'only the painter can change this artwork',
          code: 'NOT_ARTWORK_OWNER',
        });
      }
      const after = (await painter.get(`/api/albums/${album.id}`)).body as Artwork;
      expect(after.stages).toEqual(before.stages);
      expect(after.title).toBe('Mine');
    });

    it('when unlisted, is 404 to others for every write too', async () => {
      await painter.patch(`/api/albums/${album.id}`, { visibility: 'unlisted' });
      expect((await viewer.patch(`/api/albums/${album.id}`, { title: 'x' })).status).toBe(404);
      expect((await viewer.delete(`/api/albums/${album.id}`)).status).toBe(404);
      await painter.patch(`/api/albums/${album.id}`, { visibility: 'public' });
    });
  });

  describe("a painter's page", () => {
    it('lists artworks newest first with covers, pages without gaps, and hides unlisted ones from others', async () => {
      const c = app.client();
      await c.register('monet_p');
      const made: string[] = [];
      for (let i = 0; i < 5; i++)
        made.push((await createArtwork(c, `Haystack ${i}`, i === 2 ? { visibility: 'unlisted' } : {})).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (
          await viewer.get(`/api/users/monet_p/albums?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        ).body as Page<ArtworkCard>;
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([made[4], made[3], made[1], made[0]]);
      const own = (await c.get('/api/users/monet_p/albums')).body as Page<ArtworkCard>;
      expect(own.items.map((a) => a.id)).toEqual([...made].reverse());
      // The painter's own cards say which are unlisted (their badge); nobody else's do.
      expect(own.items.map((a) => a.visibility)).toEqual([
        'public',
        'public',
        'unlisted',
        'public',
        'public',
      ]);
      const others = (await viewer.get('/api/users/monet_p/albums')).body as Page<ArtworkCard>;
      expect(others.items.every((a) => a.visibility === undefined)).toBe(true);
      expect((await viewer.get('/api/users/monet_p/albums?limit=0')).status).toBe(400);
      expect((await viewer.get('/api/users/nobody/albums')).status).toBe(404);
    });
  });
});

/** A valid PNG whose header claims 30000×30000 pixels, with almost no data behind it. */
async function hugeHeaderPng(): Promise<Buffer> {
  const small = await png(1, 1);
  const out = Buffer.from(small);
  out.writeUInt32BE(30000, 16);
  out.writeUInt32BE(30000, 20);
  const { crc32 } = await import('node:zlib');
  out.writeUInt32BE(crc32(out.subarray(12, 29)) >>> 0, 29);
  return out;
}
