import type { SessionData, Store } from 'express-session';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import type { DatabaseSessionStore } from '../src/session/database-session.store';
import { SessionEntity } from '../src/session/session.entity';
import { createSessionStore, SESSION_PREFIX } from '../src/session/session-store';
import { createMysqlDatabase, databaseKinds, redisAvailable } from './support/adapters';
import { REDIS_URL } from './support/services';

type Adapter = { store: Store; close: () => Promise<void> };

async function databaseAdapter(kind: 'sqlite' | 'mysql'): Promise<Adapter> {
  const mysql = kind === 'mysql' ? await createMysqlDatabase() : null;
  const db = await new DataSource(
    dataSourceOptions(mysql ? { kind: 'mysql', url: mysql.url } : { kind: 'sqlite', file: ':memory:' }, [
      SessionEntity,
    ]),
  ).initialize();
  const store = createSessionStore(null, db) as DatabaseSessionStore;
  return {
    store,
    close: async () => {
      store.close();
      await db.destroy();
      await mysql?.drop();
    },
  };
}

async function redisAdapter(): Promise<Adapter> {
  const redis = new Redis(REDIS_URL);
  return {
    store: createSessionStore(redis, null as unknown as DataSource),
    close: async () => void (await redis.quit()),
  };
}

const adapters: [string, () => Promise<Adapter>][] = [
  ...databaseKinds().map(
    (k) => [`database (${k})`, () => databaseAdapter(k)] as [string, () => Promise<Adapter>],
  ),
  ...(redisAvailable() ? [['redis', redisAdapter] as [string, () => Promise<Adapter>]] : []),
];

const call = <T>(fn: (cb: (err?: unknown, value?: T | null) => void) => void) =>
  new Promise<T | null | undefined>((resolve, reject) =>
    fn((err, value) => (err ? reject(err) : resolve(value))),
  );

const session = (expiresInMs: number | null, user = 'u1'): SessionData =>
  ({
    cookie: {
      originalMaxAge: expiresInMs,
      expires: expiresInMs === null ? undefined : new Date(Date.now() + expiresInMs),
    },
    passport: { user: { id: user, v: 0 } },
  }) as unknown as SessionData;

describe.each(adapters)('session store port — %s', (_name, make) => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await make();
  });
  afterAll(() => adapter.close());

  const sid = () => `sid-${Math.random().toString(36).slice(2)}`;

  it('returns what was set, and nothing for an unknown id', async () => {
    const id = sid();
    await call((cb) => adapter.store.set(id, session(60_000), cb));
    expect(await call<SessionData>((cb) => adapter.store.get(id, cb))).toMatchObject({
      passport: { user: { id: 'u1' } },
    });
    expect(await call((cb) => adapter.store.get(sid(), cb))).toBeFalsy();
  });

  it('replaces on set and forgets on destroy', async () => {
    const id = sid();
    await call((cb) => adapter.store.set(id, session(60_000, 'first'), cb));
    await call((cb) => adapter.store.set(id, session(60_000, 'second'), cb));
    expect(await call<SessionData>((cb) => adapter.store.get(id, cb))).toMatchObject({
      passport: { user: { id: 'second' } },
    });
    await call((cb) => adapter.store.destroy(id, cb));
    expect(await call((cb) => adapter.store.get(id, cb))).toBeFalsy();
  });

  it('drops an expired session, and touch extends a live one', async () => {
    const short = sid();
    await call((cb) => adapter.store.set(short, session(1000), cb));
    const touched = sid();
    await call((cb) => adapter.store.set(touched, session(1000), cb));
    await call((cb) => adapter.store.touch!(touched, session(60_000), cb));
    // Redis expiries have whole-second resolution.
    await new Promise((r) => setTimeout(r, 2100));
    expect(await call((cb) => adapter.store.get(short, cb))).toBeFalsy();
    expect(await call((cb) => adapter.store.get(touched, cb))).toBeTruthy();
  });

  it('keeps browser-session cookies server-side for a day', async () => {
    const id = sid();
    await call((cb) => adapter.store.set(id, session(null), cb));
    expect(await call((cb) => adapter.store.get(id, cb))).toBeTruthy();
  });
});

if (redisAvailable()) {
  it('redis sessions live under the gallery prefix', () => expect(SESSION_PREFIX).toBe('gallery:sess:'));
}
