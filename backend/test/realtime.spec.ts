import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ROOMS, type Stage } from '@gallery/contracts';
import { io } from 'socket.io-client';
import { AppConfigModule } from '../src/config/config.module';
import { ArtworkAccess } from '../src/realtime/artwork-access';
import { RealtimeConnections } from '../src/realtime/realtime-connections';
import { RealtimeEmitter } from '../src/realtime/realtime-emitter';
import { RealtimeEmitterModule } from '../src/realtime/realtime-emitter.module';
import { RedisEmitter } from '../src/realtime/redis.emitter';
import { RedisModule } from '../src/redis/redis.module';
import { appModes } from './support/modes';
import { connect, cookieOf, disconnectAll, eventsDuring, nextEvent, refusal } from './support/sockets';
import { TestApp, type TestAppOptions } from './support/test-app';

/**
 * The albums module will provide the real ArtworkAccess; until then this stands in: a fixed set of
 * visible albums, and one whose check fails the way a lost database connection would.
 */
class ListedArtworks extends ArtworkAccess {
  static readonly visible = new Set(['album-1', 'album-2']);
  static readonly broken = 'album-broken';

  canView(_userId: string, albumId: string): Promise<boolean> {
    if (albumId === ListedArtworks.broken) return Promise.reject(new Error('database went away'));
    return Promise.resolve(ListedArtworks.visible.has(albumId));
  }
}

const withListedArtworks = (options: TestAppOptions): TestAppOptions => ({
  ...options,
  overrides: [{ provide: ArtworkAccess, useValue: new ListedArtworks() }],
});

const stage = (albumId: string, title = 'Underpainting'): Stage & { albumId: string } => ({
  id: 'stage-1',
  position: 0,
  kind: 'sketch',
  title,
  note: '',
  status: 'ready',
  error: null,
  image: null,
  colors: [],
  pins: [],
  createdAt: '2026-11-21T10:00:00.000Z',
  albumId,
});

/** Waits for a condition the server reaches asynchronously (a disconnect it has yet to notice). */
async function until(condition: () => boolean, ms = 3000): Promise<void> {
  for (const deadline = Date.now() + ms; !condition();) {
    if (Date.now() > deadline) throw new Error(`not true within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Connects as a browser showing a page of `origin` would (it sends the Origin header), and
 * answers "connected" or the connect_error's message.
 */
function connectFrom(
  app: TestApp,
  cookie: string,
  origin: string,
  transports: ('polling' | 'websocket')[] = ['websocket'],
): Promise<string> {
  const socket = io(app.baseUrl, {
    path: '/socket.io',
    transports,
    extraHeaders: { cookie, origin },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (err) => {
      socket.disconnect();
      resolve(err.message);
    });
  });
}

/** A freshly registered, signed-in painter and the Cookie header their browser would send. */
async function painter(app: TestApp, username: string) {
  const client = app.client();
  const me = await client.register(username);
  return { client, me, cookie: cookieOf(client) };
}

describe.each(appModes())('realtime — %s', (_name, options) => {
  let app: TestApp;
  let emitter: RealtimeEmitter;
  beforeAll(async () => {
    app = await TestApp.start(withListedArtworks(options));
    emitter = app.get(RealtimeEmitter);
  });
  afterEach(disconnectAll);
  afterAll(() => app.close());

  describe('handshake', () => {
    it('refuses a socket without a session with connect_error "unauthorized"', async () => {
      expect(await refusal(app)).toBe('unauthorized');
      // A visitor's cookies (XSRF token only) are no session either.
      const visitor = app.client();
      await visitor.token();
      expect(await refusal(app, cookieOf(visitor))).toBe('unauthorized');
    });

    it('refuses the cookie of a session that signed out', async () => {
      const { client, cookie } = await painter(app, 'signed_out');
      expect((await client.post('/api/auth/logout')).status).toBe(204);
      expect(await refusal(app, cookie)).toBe('unauthorized');
    });

    it('connects a signed-in user into the public room and their own room', async () => {
      const { me, cookie } = await painter(app, 'anna');
      const socket = await connect(app, cookie);
      const inPublic = nextEvent(socket, 'stage:updated');
      emitter.toRooms([ROOMS.public], 'stage:updated', stage('album-1', 'to everyone'));
      expect((await inPublic).title).toBe('to everyone');
      const inOwn = nextEvent(socket, 'stage:updated');
      emitter.toRooms([ROOMS.user(me.id)], 'stage:updated', stage('album-1', 'to anna'));
      expect((await inOwn).title).toBe('to anna');
    });

    it('counts a user as connected on this instance while any of their sockets is', async () => {
      const connections = app.get(RealtimeConnections);
      const { me, cookie } = await painter(app, 'two_tabs');
      const [first, second] = [await connect(app, cookie), await connect(app, cookie)];
      expect(connections.userIds()).toContain(me.id);
      first.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(connections.userIds()).toContain(me.id);
      second.disconnect();
      await until(() => !connections.userIds().includes(me.id));
    });

    it('refuses a socket opened by another site\'s page with connect_error "forbidden origin", session or not', async () => {
      const { cookie } = await painter(app, 'hijacked');
      expect(await connectFrom(app, cookie, 'http://evil.example')).toBe('forbidden origin');
      expect(await connectFrom(app, cookie, 'http://evil.example', ['polling'])).toBe('forbidden origin');
      expect(await connectFrom(app, '', 'http://evil.example')).toBe('forbidden origin');
      // Sandboxed frames and files send "null"; another port is another origin.
      expect(await connectFrom(app, cookie, 'null')).toBe('forbidden origin');
      const { port } = new URL(app.baseUrl);
      expect(await connectFrom(app, cookie, `http://127.0.0.1:${Number(port) + 1}`)).toBe('forbidden origin');
    });

    it("accepts the app's own origins: PUBLIC_URL's, and the one the page was loaded from", async () => {
      const { cookie } = await painter(app, 'at_home');
      expect(await connectFrom(app, cookie, new URL(app.config.publicUrl).origin)).toBe('connected');
      expect(await connectFrom(app, cookie, app.baseUrl)).toBe('connected');
      expect(await connectFrom(app, cookie, app.baseUrl, ['polling', 'websocket'])).toBe('connected');
      // Without a session, the same-origin socket is refused for that reason.
      expect(await connectFrom(app, '', app.baseUrl)).toBe('unauthorized');
    });

    it("accepts browsers' default transports: long-polling first, then the upgrade", async () => {
      const socket = await connect(app, (await painter(app, 'polly')).cookie, ['polling', 'websocket']);
      const { engine } = socket.io;
      if (engine.transport.name === 'polling')
        await new Promise((upgraded) => engine.once('upgrade', upgraded));
      expect(engine.transport.name).toBe('websocket');
      expect(await socket.emitWithAck('album:watch', { albumId: 'album-1' })).toEqual({ ok: true });
      expect(await refusal(app, undefined, ['polling'])).toBe('unauthorized');
    });

    it('refuses a session voided by a password change elsewhere, and takes the new one', async () => {
      const { client: here } = await painter(app, 'bruno');
      const there = app.client();
      expect((await there.login('bruno')).status).toBe(200);
      const res = await here.put('/api/users/me/password', {
        currentPassword: 'correct horse',
        newPassword: 'battery staple',
      });
      expect(res.status).toBe(204);
      expect(await refusal(app, cookieOf(there))).toBe('unauthorized');
      await expect(connect(app, cookieOf(here))).resolves.toBeDefined();
    });
  });

  describe('album:watch and album:unwatch', () => {
    let badPayloads = 0;
    it.each([
      ['no payload', undefined],
      ['a bare string', 'album-1'],
      ['no albumId', {}],
      ['an empty albumId', { albumId: '' }],
      ['a numeric albumId', { albumId: 7 }],
      ['a 65-character albumId', { albumId: 'a'.repeat(65) }],
    ])('answer %s with ok:false "albumId is required"', async (_what, payload) => {
      const socket = await connect(app, (await painter(app, `bad_payload_${++badPayloads}`)).cookie);
      for (const event of ['album:watch', 'album:unwatch'] as const) {
        const ack = await socket.timeout(3000).emitWithAck(event, payload as { albumId: string });
        expect(ack).toEqual({ ok: false, error: 'albumId is required', code: 'VALIDATION_FAILED' });
      }
    });

    it('refuses unknown fields like REST does', async () => {
      const socket = await connect(app, (await painter(app, 'extra_f')).cookie);
      const payload = { albumId: 'album-1', owner: 'me' } as { albumId: string };
      expect(await socket.emitWithAck('album:watch', payload)).toEqual({
        ok: false,
        error: 'property owner should not exist',
        code: 'VALIDATION_FAILED',
      });
    });

    it('answers "not found" for an album the user may not see, and delivers nothing from it', async () => {
      const socket = await connect(app, (await painter(app, 'nosy')).cookie);
      expect(await socket.emitWithAck('album:watch', { albumId: 'album-hidden' })).toEqual({
        ok: false,
        error: 'not found',
        code: 'ARTWORK_NOT_FOUND',
      });
      const received = eventsDuring(socket, 'stage:updated');
      emitter.toRooms([ROOMS.album('album-hidden')], 'stage:updated', stage('album-hidden'));
      expect(await received).toEqual([]);
    });

    it('turns a failing access check into an ack error and keeps the connection', async () => {
      const socket = await connect(app, (await painter(app, 'unlucky')).cookie);
      expect(await socket.emitWithAck('album:watch', { albumId: ListedArtworks.broken })).toEqual({
        ok: false,
        error: 'something went wrong on our side',
        code: 'INTERNAL',
      });
      expect(socket.connected).toBe(true);
      expect(await socket.emitWithAck('album:watch', { albumId: 'album-1' })).toEqual({ ok: true });
    });

    it('survives bad events sent without an ack callback', async () => {
      const socket = await connect(app, (await painter(app, 'no_ack')).cookie);
      socket.emit('album:watch', {} as { albumId: string });
      socket.emit('album:watch', { albumId: ListedArtworks.broken });
      socket.emit('album:unwatch', { albumId: 'album-1' });
      expect(await socket.emitWithAck('album:watch', { albumId: 'album-1' })).toEqual({ ok: true });
      expect(socket.connected).toBe(true);
    });

    it('delivers stage:updated to watchers only, until they unwatch', async () => {
      const watcher = await connect(app, (await painter(app, 'watcher')).cookie);
      const bystander = await connect(app, (await painter(app, 'bystander')).cookie);
      expect(await watcher.emitWithAck('album:watch', { albumId: 'album-1' })).toEqual({ ok: true });

      const toWatcher = nextEvent(watcher, 'stage:updated');
      const toBystander = eventsDuring(bystander, 'stage:updated');
      emitter.toRooms([ROOMS.album('album-1')], 'stage:updated', stage('album-1'));
      expect(await toWatcher).toEqual(stage('album-1'));
      expect(await toBystander).toEqual([]);

      expect(await watcher.emitWithAck('album:unwatch', { albumId: 'album-1' })).toEqual({ ok: true });
      const afterUnwatch = eventsDuring(watcher, 'stage:updated');
      emitter.toRooms([ROOMS.album('album-1')], 'stage:updated', stage('album-1'));
      expect(await afterUnwatch).toEqual([]);
    });

    it('delivers once to a socket in several of the rooms, and to nobody for no rooms', async () => {
      const { me, cookie } = await painter(app, 'owner');
      const socket = await connect(app, cookie);
      expect(await socket.emitWithAck('album:watch', { albumId: 'album-2' })).toEqual({ ok: true });
      const received = eventsDuring(socket, 'stage:updated');
      emitter.toRooms([ROOMS.user(me.id), ROOMS.album('album-2')], 'stage:updated', stage('album-2'));
      expect(await received).toHaveLength(1);

      // socket.io's `to([])` means everyone; the port must not.
      const toNobody = eventsDuring(socket, 'stage:updated');
      emitter.toRooms([], 'stage:updated', stage('album-2'));
      expect(await toNobody).toEqual([]);
    });
  });
});

/** What worker.ts has for real-time: configuration, Redis and the emitter, no Socket.IO server. */
@Module({})
class WorkerLikeModule {}

const production = appModes().find(([, options]) => options.redis);

(production ? describe : describe.skip)('realtime across api instances (Redis adapter)', () => {
  let first: TestApp;
  let second: TestApp;
  let worker: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>;
  beforeAll(async () => {
    first = await TestApp.start(withListedArtworks(production![1]));
    second = await TestApp.start({ ...withListedArtworks(production![1]), sharedWith: first });
    worker = await NestFactory.createApplicationContext(
      {
        module: WorkerLikeModule,
        imports: [AppConfigModule.forRoot(first.config), RedisModule, RealtimeEmitterModule],
      },
      { logger: ['error'] },
    );
  });
  afterEach(disconnectAll);
  afterAll(async () => {
    await worker.close();
    await second.close();
    await first.close();
  });

  /** A socket on `app`, signed in through the other instance: sessions are shared too. */
  async function watcherOn(app: TestApp, username: string, albumId: string) {
    const { me, cookie } = await painter(first, username);
    const socket = await connect(app, cookie);
    expect(await socket.emitWithAck('album:watch', { albumId })).toEqual({ ok: true });
    return { me, socket };
  }

  it("delivers what one instance emits to a room to the other instance's sockets", async () => {
    const { socket } = await watcherOn(second, 'on_second', 'album-1');
    const received = nextEvent(socket, 'stage:updated');
    first.get(RealtimeEmitter).toRooms([ROOMS.album('album-1')], 'stage:updated', stage('album-1'));
    expect(await received).toEqual(stage('album-1'));
  });

  it('lets a worker reach sockets on every instance, once per socket', async () => {
    const a = await watcherOn(first, 'on_first_w', 'album-2');
    const b = await watcherOn(second, 'on_second_w', 'album-2');
    const toA = eventsDuring(a.socket, 'stage:updated', 600);
    const toB = eventsDuring(b.socket, 'stage:updated', 600);
    const emitter = worker.get(RealtimeEmitter);
    expect(emitter).toBeInstanceOf(RedisEmitter);
    emitter.toRooms(
      [ROOMS.user(a.me.id), ROOMS.user(b.me.id), ROOMS.album('album-2')],
      'stage:updated',
      stage('album-2'),
    );
    expect(await toA).toEqual([stage('album-2')]);
    expect(await toB).toEqual([stage('album-2')]);
  });
});
