import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuSeconds, freePort, sleep } from '../chat-fanout/proc';
import { closedLoop, percentile } from '../search/load';
import { ApiClient } from './client';
import { seed } from './seed';

/**
 * `npm run bench -- read`: Gallery's read path against a bare NestJS controller serving the very
 * same JSON bodies from memory, side by side in one run (50 keep-alive clients, 10 s per path).
 * Prints req/s, p50/p99 and the server's CPU per request for both, and the throughput ratio.
 * READ_BENCH_SECONDS, READ_BENCH_CLIENTS tune the load; READ_BENCH_PROFILE=1 writes a CPU profile
 * of the api per path, cut to that path's measured window (seeding and the other paths left out),
 * as bench/results/read-profile/<path>.cpuprofile; READ_BENCH_ONLY=<name prefix> runs one path;
 * READ_BENCH_BACKEND_DIST runs another build of the backend (e.g. an older commit's, for a before/after).
 */
const SECONDS = Number(process.env.READ_BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.READ_BENCH_CLIENTS ?? 50);
const ROOT = join(__dirname, '../..');
const PROFILE = process.env.READ_BENCH_PROFILE === '1';
const PROFILE_DIR = join(ROOT, 'bench/results/read-profile');
/** The chat benchmark's probe: SIGWINCH opens/closes a window, each closed one a cpuprofile. */
const PROBE = join(__dirname, '../chat-fanout/window-probe.cjs');

export async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gallery-read-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const probeDir = join(dataDir, 'probe');
  mkdirSync(probeDir, { recursive: true });
  const api = startApi(port, dataDir, probeDir);
  let windows = 0;
  let bare: ChildProcess | undefined;
  try {
    await waitFor(`${base}/api/health`);
    const data = await seed(base);
    // Seeding leaves jobs behind (timelapses, fingerprints, the other artworks' stages): they
    // must not run inside a measured window.
    await untilIdle(api.pid!);
    // Each client sends what a returning browser holds: anonymous paths the pre-session and XSRF
    // cookies the api gave a first visit (else every request would mint both, which no browser
    // causes), the signed-in path the viewer's session cookie with them.
    const visitor = new ApiClient(base);
    await visitor.request('GET', '/api/health');
    const anonymous = { cookie: visitor.cookieHeader };
    const signedIn = { cookie: data.viewerCookie };
    const paths: { name: string; path: string; headers: Record<string, string> }[] = [
      { name: 'artwork (20 stages)', path: `/api/albums/${data.artworkId}`, headers: anonymous },
      { name: 'explore recent', path: '/api/albums?sort=recent', headers: anonymous },
      { name: 'painter page', path: `/api/users/${data.painter}/albums`, headers: anonymous },
      { name: 'search', path: '/api/search?q=harbour', headers: anonymous },
      { name: 'feed (signed in)', path: '/api/feed', headers: signedIn },
    ];
    const only = process.env.READ_BENCH_ONLY;
    if (only) paths.splice(0, paths.length, ...paths.filter((p) => p.name.startsWith(only)));
    const bodies: Record<string, string> = {};
    for (const p of paths) {
      const res = await fetch(base + p.path, { headers: p.headers });
      // (A rolling session re-sends its own cookie on every answer; anything else means minting.)
      const minted = res.headers.getSetCookie().filter((c) => !c.startsWith('gallery.sid='));
      if (minted.length) throw new Error(`${p.path} set ${minted.join('; ')}: the client is not a browser`);
      if (res.status !== 200) throw new Error(`${p.path}: ${res.status} ${await res.text()}`);
      bodies[p.path] = await res.text();
    }
    bare = fork(join(__dirname, 'bare-nest.mjs'), { stdio: 'inherit' });
    bare.send({ bodies });
    const barePort = await new Promise<number>((resolve) =>
      bare!.once('message', (m: { port: number }) => resolve(m.port)),
    );

    console.log(
      `\nread path, ${CLIENTS} keep-alive clients, ${SECONDS} s per path (Gallery embedded: SQLite, disk)\n`,
    );
    console.log(
      'path                  bytes   Gallery req/s  p50 ms  p99 ms  CPU ms/req | bare req/s  p50 ms  p99 ms  CPU ms/req | ratio',
    );
    for (const p of paths) {
      const g = await measure(api.pid!, base + p.path, p.headers, () => api.kill('SIGWINCH'));
      if (PROFILE) await keepProfile(join(probeDir, `window-${++windows}`), p.name);
      const b = await measure(bare.pid!, `http://127.0.0.1:${barePort}${p.path}`, p.headers);
      console.log(
        `${p.name.padEnd(20)} ${String(Buffer.byteLength(bodies[p.path]!)).padStart(6)}  ` +
          `${fmt(g.rps, 13)} ${fmt(g.p50, 7, 1)} ${fmt(g.p99, 7, 1)} ${fmt(g.cpuMs, 11, 2)} | ` +
          `${fmt(b.rps, 10)} ${fmt(b.p50, 7, 1)} ${fmt(b.p99, 7, 1)} ${fmt(b.cpuMs, 11, 2)} | ${(g.rps / b.rps).toFixed(2)}×`,
      );
    }
  } finally {
    bare?.kill();
    api.kill('SIGINT');
    await sleep(500);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  cpuMs: number;
}

async function measure(
  pid: number,
  url: string,
  headers?: Record<string, string>,
  toggleWindow?: () => void,
): Promise<Figures> {
  await closedLoop(url, { clients: CLIENTS, seconds: 1, maxRequests: 0, headers }); // warm-up
  const cpu0 = await cpuSeconds(pid);
  toggleWindow?.();
  const r = await closedLoop(url, { clients: CLIENTS, seconds: SECONDS, maxRequests: 0, headers });
  toggleWindow?.();
  const cpu = (await cpuSeconds(pid)) - cpu0;
  if (r.errors) console.warn(`  ${url}: ${r.errors} errors ${JSON.stringify(r.statuses)}`);
  const ok = r.latenciesMs.length;
  return {
    rps: ok / r.seconds,
    p50: percentile(r.latenciesMs, 0.5),
    p99: percentile(r.latenciesMs, 0.99),
    cpuMs: ok ? (cpu * 1000) / ok : NaN,
  };
}

/** Until the api has used under 2 % of a core for 3 s in a row (its background jobs are done). */
async function untilIdle(pid: number): Promise<void> {
  let quiet = 0;
  // READ_BENCH_IDLE_WAIT (s, default 300): on a busy machine the seeding's jobs (process films) can
  // take minutes; a profile-only run may not need them finished.
  const wait = Number(process.env.READ_BENCH_IDLE_WAIT ?? 300);
  for (let i = 0; i < wait && quiet < 3; i++) {
    const before = await cpuSeconds(pid);
    await sleep(1000);
    quiet = (await cpuSeconds(pid)) - before < 0.02 ? quiet + 1 : 0;
  }
}

/** Waits for the probe's window files and keeps the profile as read-profile/<path>.cpuprofile. */
async function keepProfile(base: string, name: string): Promise<void> {
  for (let waited = 0; !existsSync(`${base}.json`); waited += 100) {
    if (waited > 30_000) throw new Error(`the api wrote no ${base}.json`);
    await sleep(100);
  }
  mkdirSync(PROFILE_DIR, { recursive: true });
  const file = join(PROFILE_DIR, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}.cpuprofile`);
  renameSync(`${base}.cpuprofile`, file);
  console.log(`  profile: ${file}`);
}

function startApi(port: number, dataDir: string, probeDir: string): ChildProcess {
  // The probe costs nothing until a window opens; the profiler runs only with READ_BENCH_PROFILE=1.
  const dist = process.env.READ_BENCH_BACKEND_DIST || join(ROOT, 'backend/dist');
  const args = ['-r', PROBE, join(dist, 'main.js')];
  return spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      CHAT_BENCH_PROBE_DIR: probeDir,
      CHAT_BENCH_PROFILE: PROFILE ? '1' : '0',
      PORT: String(port),
      DATA_DIR: dataDir,
      SESSION_SECRET: 'read-bench-secret-read-bench-secret',
      // The load comes from many X-Forwarded-For addresses, as behind a proxy, so the per-IP limit
      // does not turn the benchmark into a 429 test.
      TRUST_PROXY: 'true',
      RATE_LIMIT_AUTH_PER_IP: '100000',
      RATE_LIMIT_AUTH_PER_USERNAME: '100000',
    },
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`${url} never answered`);
}

const fmt = (n: number, width: number, digits = 0): string => n.toFixed(digits).padStart(width);

if (require.main === module) void main();
