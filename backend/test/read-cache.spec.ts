import type { Artwork, ArtworkCard, Page } from '@gallery/contracts';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readCacheTotal } from '../src/observability/metrics';
import { createArtwork } from './support/artworks';
import { redisAvailable, databaseKinds } from './support/adapters';
import { appModes } from './support/modes';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** Answers served from the read cache so far (the counter is per process, shared by the apps). */
async function hits(): Promise<number> {
  const metric = await readCacheTotal.get();
  return metric.values.find((v) => v.labels.result === 'hit')?.value ?? 0;
}

/** A signed-out visitor who has had one answer already, so holds the cookies a browser would. */
async function visitor(app: TestApp): Promise<TestClient> {
  const c = app.client();
  await c.get('/api/health');
  return c;
}

describe.each(appModes())('read cache — %s', (_name, options) => {
  let app: TestApp;
  let painter: TestClient;
  let reader: TestClient;
  let album: Artwork;

  beforeAll(async () => {
    app = await TestApp.start(options);
    painter = app.client();
    await painter.register('turner');
    album = await createArtwork(painter, 'Rain, Steam and Speed');
    reader = await visitor(app);
  });
  afterAll(() => app.close());

  it('answers a repeated signed-out read from the cache, byte for byte as the handler did', async () => {
    const first = await reader.get(`/api/albums/${album.id}`).expect(200);
    const before = await hits();
    const second = await reader.get(`/api/albums/${album.id}`).expect(200);
    expect(await hits()).toBe(before + 1);
    expect(second.text).toBe(first.text);
    for (const name of [
      'content-type',
      'etag',
      'vary',
      'content-security-policy',
      'x-content-type-options',
    ]) {
      expect(second.headers[name]).toBe(first.headers[name]);
    }
    // Per-request headers stay per request.
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(Number(second.headers['x-ratelimit-remaining'])).toBe(
      Number(first.headers['x-ratelimit-remaining']) - 1,
    );
  });

  it('shows an edit to the very next signed-out read', async () => {
    await reader.get(`/api/albums/${album.id}`).expect(200);
    await reader.get('/api/albums?sort=recent').expect(200);
    expect(
      (await painter.patch(`/api/albums/${album.id}`, { title: 'Rain, Steam and Speed (1844)' })).status,
    ).toBe(200);
    expect((await reader.get(`/api/albums/${album.id}`)).body.title).toBe('Rain, Steam and Speed (1844)');
    const cards = (await reader.get('/api/users/turner/albums')).body as Page<ArtworkCard>;
    expect(cards.items.find((c) => c.id === album.id)?.title).toBe('Rain, Steam and Speed (1844)');
  });

  it('shows a change made outside any request (a job, a listener) as soon as it commits', async () => {
    await reader.get(`/api/users/turner/albums`).expect(200);
    const db = app.get(DataSource);
    await db.transaction((tx) =>
      tx.query(
        db.options.type === 'mysql'
          ? 'UPDATE `albums` SET `title` = ? WHERE `id` = ?'
          : 'UPDATE "albums" SET "title" = ? WHERE "id" = ?',
        ['The Fighting Temeraire', album.id],
      ),
    );
    const page = (await reader.get(`/api/users/turner/albums`)).body as Page<ArtworkCard>;
    expect(page.items[0]!.title).toBe('The Fighting Temeraire');
  });

  it('shows a new comment to the next signed-out reader of the comments', async () => {
    const path = `/api/albums/${album.id}/comments`;
    expect((await reader.get(path)).body.items).toEqual([]);
    await reader.get(path).expect(200);
    expect((await painter.post(path, { body: 'Painted from the train window' })).status).toBe(201);
    const items = (await reader.get(path)).body.items as { body: string }[];
    expect(items.map((c) => c.body)).toEqual(['Painted from the train window']);
  });

  it('keeps what a write that rolled back never changed', async () => {
    const before = (await reader.get(`/api/albums/${album.id}`)).body as Artwork;
    const db = app.get(DataSource);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          db.options.type === 'mysql'
            ? 'UPDATE `albums` SET `title` = ? WHERE `id` = ?'
            : 'UPDATE "albums" SET "title" = ? WHERE "id" = ?',
          ['Never', album.id],
        );
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(((await reader.get(`/api/albums/${album.id}`)).body as Artwork).title).toBe(before.title);
  });

  it("gives a signed-in viewer their own marks, never a signed-out visitor's answer", async () => {
    const fan = app.client();
    await fan.register('ruskin');
    await reader.get(`/api/albums/${album.id}`).expect(200);
    await reader.get(`/api/albums/${album.id}`).expect(200);
    expect((await fan.put(`/api/albums/${album.id}/like`)).status).toBeLessThan(300);
    expect((await fan.get(`/api/albums/${album.id}`)).body.likedByMe).toBe(true);
    const seen = (await reader.get(`/api/albums/${album.id}`)).body as Artwork;
    expect(seen.likedByMe).toBe(false);
    expect(seen.likeCount).toBe(1);
  });

  it('does not keep what only its owner may see, and shows it once it is public', async () => {
    const sketch = await createArtwork(painter, 'Sketchbook', { visibility: 'unlisted' });
    await reader.get(`/api/albums/${sketch.id}`).expect(404);
    await reader.get(`/api/albums/${sketch.id}`).expect(404);
    expect((await painter.patch(`/api/albums/${sketch.id}`, { visibility: 'public' })).status).toBe(200);
    await reader.get(`/api/albums/${sketch.id}`).expect(200);
  });

  it('gives a first visit its cookies, and answers 304 and compressed bodies from the cache', async () => {
    await reader.get('/api/albums?sort=recent').expect(200);
    const first = await request(app.baseUrl).get('/api/albums?sort=recent').expect(200);
    expect(String(first.headers['set-cookie'])).toContain('XSRF-TOKEN=');
    const cached = await reader.get('/api/albums?sort=recent').expect(200);
    const before = await hits();
    await reader.get('/api/albums?sort=recent').set('If-None-Match', cached.headers.etag!).expect(304);
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const res = await reader
        .get('/api/albums?sort=recent')
        .set('Accept-Encoding', encoding)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      if (cached.text.length >= 1024) {
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(decode(res.body as Buffer).toString()).toBe(cached.text);
      }
    }
    expect(await hits()).toBeGreaterThanOrEqual(before + 1);
  });
});

const scaleOut = databaseKinds().includes('mysql') && redisAvailable();
(scaleOut ? describe : describe.skip)('read cache with two apis on one database and Redis', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await TestApp.start({ database: 'mysql', redis: true, s3: true });
    b = await TestApp.start({ database: 'mysql', redis: true, s3: true, sharedWith: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('shows a change made through one api on the next read from the other', async () => {
    const painter = a.client();
    await painter.register('constable');
    const album = await createArtwork(painter, 'The Hay Wain');
    const reader = await visitor(b);
    await reader.get(`/api/albums/${album.id}`).expect(200);
    const before = await hits();
    await reader.get(`/api/albums/${album.id}`).expect(200);
    expect(await hits()).toBe(before + 1);
    expect((await painter.patch(`/api/albums/${album.id}`, { title: 'Landscape: Noon' })).status).toBe(200);
    expect((await reader.get(`/api/albums/${album.id}`)).body.title).toBe('Landscape: Noon');
  });
});
