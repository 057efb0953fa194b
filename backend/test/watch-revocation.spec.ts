import { ROOMS, type Artwork, type Stage } from '@gallery/contracts';
import { SocketServer } from '../src/realtime/socket-server';
import { createArtwork, uploadStages } from './support/artworks';
import { png } from './support/images';
import { appModes } from './support/modes';
import { connect, cookieOf, disconnectAll, eventsDuring, nextEvent } from './support/sockets';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** The ids of the sockets in an artwork's room, on every instance (the Redis adapter asks them all). */
async function watchers(app: TestApp, albumId: string): Promise<string[]> {
  const sockets = await app.get(SocketServer).server!.in(ROOMS.album(albumId)).fetchSockets();
  return sockets.map((s) => s.id).sort();
}

async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(appModes())('watchers lose an artwork they may no longer see — %s', (_name, options) => {
  let app: TestApp;
  /** Where the viewer's socket is: a second api instance when there is Redis to share. */
  let peer: TestApp;
  let painter: TestClient;
  let viewer: TestClient;

  beforeAll(async () => {
    app = await TestApp.start(options);
    peer = options.redis ? await TestApp.start({ ...options, sharedWith: app }) : app;
    painter = app.client();
    await painter.register('hopper');
    viewer = app.client();
    await viewer.register('onlooker');
  });
  afterEach(disconnectAll);
  afterAll(async () => {
    if (peer !== app) await peer.close();
    await app?.close();
  });

  it('an artwork made unlisted stops reaching other watchers, on every instance; the owner keeps it', async () => {
    const album: Artwork = await createArtwork(painter, 'Nighthawks');
    const own = await connect(app, cookieOf(painter));
    const watching = await connect(peer, cookieOf(viewer));
    expect(await own.emitWithAck('album:watch', { albumId: album.id })).toEqual({ ok: true });
    expect(await watching.emitWithAck('album:watch', { albumId: album.id })).toEqual({ ok: true });
    expect(await watchers(app, album.id)).toEqual([own.id, watching.id].sort());

    expect((await painter.patch(`/api/albums/${album.id}`, { visibility: 'unlisted' })).status).toBe(200);
    await eventually(async () => (await watchers(app, album.id)).length === 1);
    expect(await watchers(app, album.id)).toEqual([own.id]);

    const heard = eventsDuring(watching, 'stage:updated', 1500);
    const ownerHeard = nextEvent(own, 'stage:updated', 5000);
    const res = await uploadStages(painter, album.id, [{ body: await png(300, 200), name: 'a.png' }]);
    expect(res.status).toBe(201);
    expect((await ownerHeard).id).toBe((res.body.stages as Stage[])[0]!.id);
    expect(await heard).toEqual([]);
    // Watching again is refused like for any artwork one may not see.
    expect(await watching.emitWithAck('album:watch', { albumId: album.id })).toMatchObject({ ok: false });
  });

  it('a deleted artwork has no watchers left, on any instance', async () => {
    const album: Artwork = await createArtwork(painter, 'Automat');
    const watching = await connect(peer, cookieOf(viewer));
    expect(await watching.emitWithAck('album:watch', { albumId: album.id })).toEqual({ ok: true });
    expect(await watchers(app, album.id)).toEqual([watching.id]);

    expect((await painter.delete(`/api/albums/${album.id}`)).status).toBe(204);
    await eventually(async () => (await watchers(app, album.id)).length === 0);
  });

  it('making an artwork public again, or retitling it, keeps its watchers', async () => {
    const album: Artwork = await createArtwork(painter, 'Early Sunday Morning');
    const watching = await connect(peer, cookieOf(viewer));
    expect(await watching.emitWithAck('album:watch', { albumId: album.id })).toEqual({ ok: true });
    expect((await painter.patch(`/api/albums/${album.id}`, { title: 'Sunday' })).status).toBe(200);
    expect((await painter.patch(`/api/albums/${album.id}`, { visibility: 'public' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(await watchers(app, album.id)).toEqual([watching.id]);
  });
});
