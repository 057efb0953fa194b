import { SESSION_COOKIE, type Conversation } from '@gallery/contracts';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { SESSION_RECHECK_MS } from '../src/realtime/session-recheck';
import { SessionEntity } from '../src/session/session.entity';
import { SESSION_PREFIX } from '../src/session/session-store';
import { createArtwork } from './support/artworks';
import { appModes } from './support/modes';
import { REDIS_URL } from './support/services';
import { connect, cookieOf, disconnectAll, type ClientSocket } from './support/sockets';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** The session id inside a signed `gallery.sid=s:<id>.<signature>` cookie. */
function sessionIdOf(client: TestClient): string {
  const value = cookieOf(client)
    .split(/;\s*/)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
    .slice(SESSION_COOKIE.length + 1);
  return decodeURIComponent(value)
    .replace(/^s:/, '')
    .replace(/\.[^.]*$/, '');
}

/** The session disappears from the store, as when it expires or Redis loses it. */
async function loseSession(app: TestApp, client: TestClient): Promise<void> {
  const sid = sessionIdOf(client);
  if (app.options.redis) {
    const redis = new Redis(REDIS_URL);
    try {
      expect(await redis.del(`${SESSION_PREFIX}${sid}`)).toBe(1);
    } finally {
      redis.disconnect();
    }
  } else {
    expect((await app.get(DataSource).getRepository(SessionEntity).delete({ sid })).affected).toBe(1);
  }
}

function disconnected(socket: ClientSocket, ms: number): Promise<boolean> {
  if (socket.disconnected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe.each(appModes())('a socket does not outlive its session — %s', (_name, options) => {
  let app: TestApp;
  let quick: TestApp;
  beforeAll(async () => {
    app = await TestApp.start(options);
    // Re-checks every 300 ms instead of every minute. On the same data: passport's deserializers
    // are process-wide, so two apps in one process must agree on who exists.
    quick = await TestApp.start({
      ...options,
      sharedWith: app,
      overrides: [{ provide: SESSION_RECHECK_MS, useValue: 300 }],
    });
  });
  afterEach(disconnectAll);
  afterAll(async () => {
    await quick?.close();
    await app?.close();
  });

  it('chat:send and album:watch after the session is gone are refused, and the socket is closed', async () => {
    const ada = app.client();
    await ada.register('ada_expiry');
    const ben = app.client();
    await ben.register('ben_expiry');
    const conversation = (await ada.post('/api/chat/direct', { username: 'ben_expiry' }))
      .body as Conversation;
    const album = await createArtwork(ben, 'Open to all');
    const socket = await connect(app, cookieOf(ada));
    expect(
      await socket.emitWithAck('chat:send', { conversationId: conversation.id, body: 'hi' }),
    ).toMatchObject({
      ok: true,
    });

    await loseSession(app, ada);
    const closed = disconnected(socket, 5000);
    const ack = await socket
      .timeout(3000)
      .emitWithAck('chat:send', { conversationId: conversation.id, body: 'still here?' })
      .catch(() => ({ ok: false }));
    expect(ack).toMatchObject({ ok: false });
    expect(await closed).toBe(true);

    const again = await connect(app, cookieOf(ben));
    await loseSession(app, ben);
    const watch = await again
      .timeout(3000)
      .emitWithAck('album:watch', { albumId: album.id })
      .catch(() => ({ ok: false }));
    expect(watch).toMatchObject({ ok: false });
    expect(await disconnected(again, 5000)).toBe(true);
  });

  it('an idle socket is closed within the re-check interval once its session is gone', async () => {
    const cleo = quick.client();
    await cleo.register('cleo_expiry');
    const dora = quick.client();
    await dora.register('dora_expiry');
    const doomed = await connect(quick, cookieOf(cleo));
    const fine = await connect(quick, cookieOf(dora));
    await loseSession(quick, cleo);
    expect(await disconnected(doomed, 5000)).toBe(true);
    expect(fine.connected).toBe(true);
  });
});
