/**
 * Notification fan-out: a painter with 10 000 followers publishes an artwork. The request must
 * answer as fast as one by a painter with no followers (the fan-out is a queued job), and all
 * 10 000 notification rows must be written, the 95th percentile within 5 s of the request.
 *
 * Runs the built api (`npm run build` first) in embedded mode (SQLite, jobs in the api) and, when
 * MariaDB and Redis answer, in production mode (MariaDB, Bull on Redis, jobs in the api). The
 * followers are seeded straight into the database. Results: bench/results/notify-<mode>.json.
 */
import mysql from 'mysql2/promise';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The few better-sqlite3 calls used here (the backend's driver; it ships no types). */
interface Sqlite {
  pragma(sql: string): unknown;
  prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown };
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string) => Sqlite;
const MAIN = join(ROOT, 'backend/dist/main.js');
const FOLLOWERS = Number(process.env.NOTIFY_FOLLOWERS ?? 10_000);
const ROUNDS = Number(process.env.NOTIFY_ROUNDS ?? 12);
const WARMUP = 2;
const DELIVERY_P95_MS = 5_000;
const MYSQL_URL = process.env.NOTIFY_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const REDIS_URL = process.env.NOTIFY_REDIS_URL ?? 'redis://127.0.0.1:6379/14';

interface Db {
  query(sql: string, params?: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

interface Mode {
  name: 'embedded' | 'production';
  env: Record<string, string>;
  db: () => Promise<Db>;
  cleanup: () => Promise<void>;
}

/** A browser-like session: cookies and the XSRF header. */
class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async call(
    method: string,
    path: string,
    body?: object,
  ): Promise<{ status: number; json: { id: string }; ms: number }> {
    if (method !== 'GET' && !this.cookies.has('XSRF-TOKEN')) await this.call('GET', '/api/auth/me');
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    if (body) headers['content-type'] = 'application/json';
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (xsrf && method !== 'GET') headers['x-xsrf-token'] = decodeURIComponent(xsrf);
    const t0 = performance.now();
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return { status: res.status, json: text ? JSON.parse(text) : null, ms };
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startApi(env: Record<string, string>): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|REDIS_URL|S3_.*|AWS_.*)$/.test(k)),
  ) as Record<string, string>;
  const child = spawn(process.execPath, [MAIN], {
    env: { ...clean, PORT: String(port), SESSION_SECRET: 'bench-secret-bench-secret', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, child };
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('api did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const stats = (v: number[]) => ({
  p50: Math.round(percentile(v, 50) * 10) / 10,
  p95: Math.round(percentile(v, 95) * 10) / 10,
  max: Math.round(Math.max(...v) * 10) / 10,
});

async function seedFollowers(db: Db, painterId: string): Promise<void> {
  const BATCH = 500;
  for (let i = 0; i < FOLLOWERS; i += BATCH) {
    const users: unknown[] = [];
    const follows: unknown[] = [];
    const n = Math.min(BATCH, FOLLOWERS - i);
    for (let j = 0; j < n; j++) {
      const id = randomUUID();
      users.push(id, `fan_${i + j}`, `Fan ${i + j}`, 'x');
      follows.push(id, painterId);
    }
    await db.query(
      `INSERT INTO users (id, username, displayName, passwordHash) VALUES ${Array(n).fill('(?, ?, ?, ?)').join(', ')}`,
      users,
    );
    await db.query(
      `INSERT INTO follows (followerId, followeeId) VALUES ${Array(n).fill('(?, ?)').join(', ')}`,
      follows,
    );
  }
}

async function runMode(mode: Mode): Promise<Record<string, unknown>> {
  console.log(`\n== ${mode.name}: ${FOLLOWERS} followers, ${ROUNDS} rounds`);
  const api = await startApi(mode.env);
  const db = await mode.db();
  try {
    const busy = new Client(api.base);
    const quiet = new Client(api.base);
    const busyMe = (
      await busy.call('POST', '/api/auth/register', { username: 'busy_painter', password: 'correct horse' })
    ).json;
    await quiet.call('POST', '/api/auth/register', { username: 'quiet_painter', password: 'correct horse' });
    const t0 = performance.now();
    await seedFollowers(db, busyMe.id);
    console.log(`  seeded ${FOLLOWERS} followers in ${Math.round(performance.now() - t0)} ms`);

    const quietMs: number[] = [];
    const busyMs: number[] = [];
    const duringFanOutMs: number[] = [];
    const deliveredMs: number[] = [];
    let missing = 0;
    for (let round = 0; round < ROUNDS + WARMUP; round++) {
      const measured = round >= WARMUP;
      const q = await quiet.call('POST', '/api/albums', { title: `Quiet ${round}` });
      if (q.status !== 201) throw new Error(`quiet publish: ${q.status}`);
      const started = performance.now();
      const b = await busy.call('POST', '/api/albums', { title: `Busy ${round}` });
      if (b.status !== 201) throw new Error(`busy publish: ${b.status}`);
      // Another painter publishing while the fan-out runs.
      const during = await quiet.call('POST', '/api/albums', { title: `During ${round}` });
      let count = 0;
      const deadline = performance.now() + 60_000;
      for (;;) {
        const rows = (await db.query('SELECT COUNT(*) AS n FROM notifications WHERE albumId = ?', [
          b.json.id,
        ])) as {
          n: number | string;
        }[];
        count = Number(rows[0]!.n);
        if (count >= FOLLOWERS || performance.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const delivered = performance.now() - started;
      if (measured) {
        quietMs.push(q.ms);
        busyMs.push(b.ms);
        duringFanOutMs.push(during.ms);
        deliveredMs.push(delivered);
        missing += FOLLOWERS - count;
      }
      console.log(
        `  round ${round}${measured ? '' : ' (warm-up)'}: quiet ${q.ms.toFixed(1)} ms, busy ${b.ms.toFixed(1)} ms, ` +
          `quiet during fan-out ${during.ms.toFixed(1)} ms, ${count} rows in ${Math.round(delivered)} ms`,
      );
    }
    const result = {
      mode: mode.name,
      followers: FOLLOWERS,
      rounds: ROUNDS,
      requestMs: { quiet: stats(quietMs), busy: stats(busyMs), quietDuringFanOut: stats(duringFanOutMs) },
      allDeliveredMs: stats(deliveredMs),
      missingRows: missing,
      pass: missing === 0 && percentile(deliveredMs, 95) <= DELIVERY_P95_MS,
    };
    console.log(JSON.stringify(result, null, 2));
    return result;
  } finally {
    api.child.kill('SIGTERM');
    await new Promise((r) => api.child.once('exit', r));
    await db.close();
    await mode.cleanup();
  }
}

function embedded(): Mode {
  const dir = mkdtempSync(join(tmpdir(), 'gallery-bench-notify-'));
  return {
    name: 'embedded',
    env: { DATA_DIR: dir },
    db: async () => {
      const sqlite = new Database(join(dir, 'gallery.sqlite'));
      sqlite.pragma('busy_timeout = 5000');
      return {
        query: async (sql, params = []) =>
          /^\s*select/i.test(sql)
            ? sqlite.prepare(sql).all(...params)
            : (sqlite.prepare(sql).run(...params), []),
        close: async () => sqlite.close(),
      };
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function production(): Promise<Mode | null> {
  const name = `gallery_bench_notify_${process.pid}`;
  const admin = await mysql.createConnection({ uri: MYSQL_URL }).catch(() => null);
  if (!admin) return null;
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const dir = mkdtempSync(join(tmpdir(), 'gallery-bench-notify-'));
  return {
    name: 'production',
    env: { DATA_DIR: dir, DATABASE_URL: `${MYSQL_URL}/${name}`, REDIS_URL },
    db: async () => {
      const conn = await mysql.createConnection({ uri: `${MYSQL_URL}/${name}` });
      return {
        query: async (sql, params = []) => (await conn.query(sql, params))[0] as unknown[],
        close: () => conn.end(),
      };
    },
    cleanup: async () => {
      await admin.query(`DROP DATABASE \`${name}\``);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error('backend/dist/main.js is missing: run `npm run build` first');
  const results = [await runMode(embedded())];
  const prod = process.env.NOTIFY_EMBEDDED_ONLY ? null : await production();
  if (prod) results.push(await runMode(prod));
  else console.log('\n(production mode skipped: MariaDB not reachable)');
  const out = join(ROOT, 'bench/results');
  mkdirSync(out, { recursive: true });
  for (const r of results) writeFileSync(join(out, `notify-${r.mode}.json`), JSON.stringify(r, null, 2));
  if (results.some((r) => !r.pass)) process.exitCode = 1;
}

if (require.main === module) void main();
