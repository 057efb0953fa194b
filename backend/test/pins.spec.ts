import type { Artwork, Pin } from '@gallery/contracts';
import { DataSource } from 'typeorm';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { appModes } from './support/modes';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

describe.each(appModes())('pinned notes — %s', (_name, options) => {
  let app: TestApp;
  let painter: TestClient;
  let viewer: TestClient;
  let album: Artwork;
  let stageId: string;
  let pinsUrl: string;

  beforeAll(async () => {
    app = await TestApp.start(options);
    painter = app.client();
    await painter.register('hopper');
    viewer = app.client();
    await viewer.register('viewer');
    album = await createArtwork(painter, 'Nighthawks');
    await uploadStages(painter, album.id, [
      { body: await png(400, 300, '#224466'), name: 'a.png' },
      { body: await png(401, 300, '#664422'), name: 'b.png' },
    ]);
    album = await settled(painter, album.id);
    stageId = album.stages[0]!.id;
    pinsUrl = `/api/albums/${album.id}/stages/${stageId}/pins`;
  });
  afterAll(() => app.close());

  it('pins notes that travel with their stage, oldest first, for every viewer', async () => {
    const first = await painter.post(pinsUrl, { x: 0.25, y: 0.75, body: '  the diner window glows  ' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      stageId,
      x: 0.25,
      y: 0.75,
      body: 'the diner window glows',
      createdAt: expect.any(String),
    });
    const second = await painter.post(pinsUrl, { x: 0, y: 1, body: 'corner' });
    expect(second.status).toBe(201);

    const seen = (await viewer.get(`/api/albums/${album.id}`)).body as Artwork;
    expect(seen.stages[0]!.pins.map((p: Pin) => p.body)).toEqual(['the diner window glows', 'corner']);
    expect(seen.stages[1]!.pins).toEqual([]);
    const shared = (await viewer.get(`/api/shared/${album.shareCode}`)).body as Artwork;
    expect(shared.stages[0]!.pins).toHaveLength(2);
  });

  it('edits and removes a pin', async () => {
    const pin = (await painter.post(pinsUrl, { x: 0.5, y: 0.5, body: 'draft' })).body as Pin;
    const moved = await painter.patch(`${pinsUrl}/${pin.id}`, { x: 0.1, body: 'final' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: pin.id, x: 0.1, y: 0.5, body: 'final' });

    expect((await painter.delete(`${pinsUrl}/${pin.id}`)).status).toBe(204);
    const after = (await painter.get(`/api/albums/${album.id}`)).body as Artwork;
    expect(after.stages[0]!.pins.map((p: Pin) => p.id)).not.toContain(pin.id);
    const again = await painter.delete(`${pinsUrl}/${pin.id}`);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('PIN_NOT_FOUND');
    expect((await painter.patch(`${pinsUrl}/${pin.id}`, { body: 'x' })).body.code).toBe('PIN_NOT_FOUND');
  });

  it.each([
    ['x above 1', { x: 1.01, y: 0.5, body: 'b' }, 'x must be a number from 0 to 1'],
    ['y below 0', { x: 0.5, y: -0.1, body: 'b' }, 'y must be a number from 0 to 1'],
    ['x as a string', { x: '0.5', y: 0.5, body: 'b' }, 'x must be a number from 0 to 1'],
    ['no y', { x: 0.5, body: 'b' }, 'y must be a number from 0 to 1'],
    ['an empty body', { x: 0.5, y: 0.5, body: '   ' }, 'body must be 1 to 1000 characters'],
    [
      'a 1001-character body',
      { x: 0.5, y: 0.5, body: 'b'.repeat(1001) },
      'body must be 1 to 1000 characters',
    ],
    ['an unknown field', { x: 0.5, y: 0.5, body: 'b', color: 'red' }, 'property color should not exist'],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_what, body, message) => {
    const res = await painter.post(pinsUrl, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toEqual(expect.arrayContaining([message]));
  });

  it('accepts a 1000-character body and the edges 0 and 1', async () => {
    expect((await painter.post(pinsUrl, { x: 0, y: 1, body: 'b'.repeat(1000) })).status).toBe(201);
  });

  it('refuses an edit out of range', async () => {
    const pin = (await painter.post(pinsUrl, { x: 0.5, y: 0.5, body: 'ok' })).body as Pin;
    const res = await painter.patch(`${pinsUrl}/${pin.id}`, { y: 2 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('lets only the painter pin: 403 NOT_ARTWORK_OWNER for others, 401 signed out', async () => {
    const pin = (await painter.post(pinsUrl, { x: 0.5, y: 0.5, body: 'mine' })).body as Pin;
    const add = await viewer.post(pinsUrl, { x: 0.5, y: 0.5, body: 'theirs' });
    expect(add.status).toBe(403);
    expect(add.body.code).toBe('NOT_ARTWORK_OWNER');
    expect((await viewer.patch(`${pinsUrl}/${pin.id}`, { body: 'x' })).body.code).toBe('NOT_ARTWORK_OWNER');
    expect((await viewer.delete(`${pinsUrl}/${pin.id}`)).body.code).toBe('NOT_ARTWORK_OWNER');
    expect((await app.client().post(pinsUrl, { x: 0.5, y: 0.5, body: 'anon' })).status).toBe(401);
  });

  it('answers 404 for an unlisted artwork to others, and for a stage of another artwork', async () => {
    const hidden = await createArtwork(painter, 'Hidden', { visibility: 'unlisted' });
    await uploadStages(painter, hidden.id, [{ body: await png(300, 300, '#123456'), name: 'h.png' }]);
    const hiddenStage = (await settled(painter, hidden.id)).stages[0]!;
    const url = `/api/albums/${hidden.id}/stages/${hiddenStage.id}/pins`;
    const res = await viewer.post(url, { x: 0.5, y: 0.5, body: 'peek' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ARTWORK_NOT_FOUND');
    expect((await painter.post(url, { x: 0.5, y: 0.5, body: 'ok' })).status).toBe(201);

    const wrong = await painter.post(`/api/albums/${album.id}/stages/${hiddenStage.id}/pins`, {
      x: 0.5,
      y: 0.5,
      body: 'wrong artwork',
    });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('STAGE_NOT_FOUND');
  });

  it('deletes pins with their stage and with the artwork', async () => {
    const other = await createArtwork(painter, 'Automat');
    await uploadStages(painter, other.id, [{ body: await png(300, 200, '#aa3355'), name: 'c.png' }]);
    const stage = (await settled(painter, other.id)).stages[0]!;
    const url = `/api/albums/${other.id}/stages/${stage.id}/pins`;
    const pin = (await painter.post(url, { x: 0.3, y: 0.3, body: 'gone soon' })).body as Pin;
    expect((await painter.delete(`/api/albums/${other.id}/stages/${stage.id}`)).status).toBe(204);
    expect((await painter.patch(`${url}/${pin.id}`, { body: 'x' })).status).toBe(404);
    // Rows really went (the foreign key cascades), not just out of sight.
    const db = app.get(DataSource);
    expect(await pinCount(db, pin.id)).toBe(0);

    const third = await createArtwork(painter, 'Room in Brooklyn');
    await uploadStages(painter, third.id, [{ body: await png(300, 210, '#3355aa'), name: 'd.png' }]);
    const s3 = (await settled(painter, third.id)).stages[0]!;
    const p3 = (await painter.post(`/api/albums/${third.id}/stages/${s3.id}/pins`, { x: 0, y: 0, body: 'x' }))
      .body as Pin;
    expect((await painter.delete(`/api/albums/${third.id}`)).status).toBe(204);
    expect(await pinCount(db, p3.id)).toBe(0);
  });
});

/** Rows left with this id; MariaDB answers COUNT(*) as a string. */
async function pinCount(db: DataSource, id: string): Promise<number> {
  const sql =
    db.options.type === 'mysql'
      ? 'SELECT COUNT(*) AS n FROM `stage_pins` WHERE `id` = ?'
      : 'SELECT COUNT(*) AS n FROM "stage_pins" WHERE "id" = ?';
  const [row] = (await db.query(sql, [id])) as { n: number | string }[];
  return Number(row!.n);
}
