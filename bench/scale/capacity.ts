import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import type { Connection } from 'mysql2/promise';
import { sleep } from '../pipeline/proc';
import { ChatLoad, type ChatUser } from './chat';
import type { Cluster } from './cluster';
import { diff, redisCommands, storageBytes, tableWrites } from './counters';
import type { User } from './user';

type Writes = Record<string, { rows: number; indexRows: number; read: number }>;

export interface PerUnit {
  units: number;
  /** Rows inserted, updated or deleted per unit, per table and in all. */
  rows: Record<string, number>;
  rowsTotal: number;
  indexRowsTotal: number;
  rowsReadTotal: number;
  redisCalls: Record<string, number>;
}

export interface Capacity {
  chat: PerUnit & { audience: number; deliveries: number };
  upload: PerUnit & {
    workerCpuS: number;
    apiCpuS: number;
    bytes: Record<string, number>;
    bytesTotal: number;
  };
}

/**
 * The figures the capacity plan multiplies: what one chat message and one 12 MP upload cost the
 * database (rows written, per table), Redis (calls, PUBLISH among them), storage (bytes per key
 * prefix) and the worker (CPU). Each is measured alone, with nothing else running through the apis.
 */
export async function measureCapacity(
  cluster: Cluster,
  db: Connection,
  schema: string,
  people: ChatUser[],
  setChat: (load: ChatLoad | null) => void,
  messages: number,
  painter: { user: User; albumId: string },
  photos: string[],
): Promise<Capacity> {
  // Chat: one sender, 20 messages a second, everyone in the room connected.
  const chat = new ChatLoad(people, [people[0]!]);
  setChat(chat);
  const w0 = await tableWrites(db, schema);
  const r0 = await redisCommands(cluster.redis.url);
  chat.start({ periodMs: 50 });
  while (chat.sent.length < messages) await sleep(50);
  await chat.stop();
  await sleep(2000);
  setChat(null);
  const acked = chat.sent.filter((m) => m.ok);
  const chatUnit = perUnit(
    acked.length,
    w0,
    await tableWrites(db, schema),
    r0,
    await redisCommands(cluster.redis.url),
  );

  // Uploads: one photo per request, then every job they cause (previews, tiles, fingerprints,
  // the process film) until the workers are idle.
  await idle(cluster);
  const s0 = await storageBytes(cluster.s3Dir);
  const u0 = await tableWrites(db, schema);
  const ur0 = await redisCommands(cluster.redis.url);
  const c0 = await cluster.cpu();
  for (const file of photos) {
    const form = new FormData();
    form.append('files', await openAsBlob(file, { type: 'image/jpeg' }), basename(file));
    await painter.user.request('POST', `/api/albums/${painter.albumId}/stages`, form);
  }
  await idle(cluster);
  const c1 = await cluster.cpu();
  const bytes = diff(await storageBytes(cluster.s3Dir), s0);
  const n = photos.length;
  const uploadUnit = perUnit(
    n,
    u0,
    await tableWrites(db, schema),
    ur0,
    await redisCommands(cluster.redis.url),
  );
  const perPhoto = Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, v / n]));
  return {
    chat: {
      ...chatUnit,
      audience: people.length - 1,
      deliveries: acked.reduce((s, m) => s + m.received.size, 0) / Math.max(1, acked.length),
    },
    upload: {
      ...uploadUnit,
      workerCpuS: (c1.workers - c0.workers) / n,
      apiCpuS: (c1.apis - c0.apis) / n,
      bytes: perPhoto,
      bytesTotal: Object.values(perPhoto).reduce((a, b) => a + b, 0),
    },
  };
}

function perUnit(
  units: number,
  w0: Writes,
  w1: Writes,
  r0: Record<string, number>,
  r1: Record<string, number>,
): PerUnit {
  const rows: Record<string, number> = {};
  let rowsTotal = 0;
  let indexRowsTotal = 0;
  let rowsReadTotal = 0;
  for (const [table, after] of Object.entries(w1)) {
    const before = w0[table] ?? { rows: 0, indexRows: 0, read: 0 };
    const changed = after.rows - before.rows;
    if (changed > 0) rows[table] = changed / units;
    rowsTotal += changed;
    indexRowsTotal += after.indexRows - before.indexRows;
    rowsReadTotal += after.read - before.read;
  }
  const calls = diff(r1, r0);
  return {
    units,
    rows,
    rowsTotal: rowsTotal / units,
    indexRowsTotal: indexRowsTotal / units,
    rowsReadTotal: rowsReadTotal / units,
    redisCalls: Object.fromEntries(Object.entries(calls).map(([k, v]) => [k, v / units])),
  };
}

/** Waits until the workers have used no CPU for three seconds in a row (every job done). */
async function idle(cluster: Cluster): Promise<void> {
  let quiet = 0;
  let last = (await cluster.cpu()).workers;
  const deadline = Date.now() + 300_000;
  while (quiet < 3 && Date.now() < deadline) {
    await sleep(1000);
    const now = (await cluster.cpu()).workers;
    quiet = now - last < 0.03 ? quiet + 1 : 0;
    last = now;
  }
}
