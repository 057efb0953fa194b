import { databaseKinds } from './support/adapters';
import { createArtwork } from './support/artworks';
import { PrivateRedis } from './support/private-redis';
import { connect, cookieOf, disconnectAll } from './support/sockets';
import { TestApp } from './support/test-app';

const needsMysql = databaseKinds().includes('mysql') ? describe : describe.skip;

// Issue #13: the Socket.IO Redis adapter fires its unsubscribes (and publishes) without awaiting
// them. With Redis down they used to reject with nobody listening ("Connection is closed." once the
// connection was dropped, MaxRetriesPerRequestError before): an unhandled rejection, which ends a
// Node process and failed whichever jest test was running.
needsMysql('the api with sockets, while its Redis is down (MariaDB, private Redis)', () => {
  let redis: PrivateRedis;
  const unhandled: string[] = [];
  const record = (reason: unknown) =>
    unhandled.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  beforeAll(async () => {
    redis = await PrivateRedis.start();
    process.on('unhandledRejection', record);
  });
  afterAll(async () => {
    process.off('unhandledRejection', record);
    await redis.kill();
  });
  afterEach(() => disconnectAll());

  it('a socket leaves and the api shuts down during the outage: it closes, and no rejection escapes', async () => {
    const app = await TestApp.start({ database: 'mysql', env: { REDIS_URL: redis.url } });
    try {
      const painter = app.client();
      await painter.register('stormy');
      const album = await createArtwork(painter, 'Squall');
      const watcher = await connect(app, cookieOf(painter));
      expect(await watcher.emitWithAck('album:watch', { albumId: album.id })).toEqual({ ok: true });
      await redis.kill();
      // Long enough for every connection to notice and start retrying.
      await new Promise((r) => setTimeout(r, 3000));
      watcher.disconnect();
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      // Redis stays down: closing must not wait for it.
      await app.close();
    }
    await new Promise((r) => setTimeout(r, 2000));
    expect(unhandled).toEqual([]);
    await redis.restart();
  }, 60_000);
});
