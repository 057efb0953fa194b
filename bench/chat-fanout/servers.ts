import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FanoutConfig } from './config';
import { captureOutput, freePort, sleep, stopProcess } from './proc';

/** Loaded into both servers: event-loop delay, GC and (optionally) a CPU profile per window. */
const PROBE = join(__dirname, 'window-probe.cjs');

/** What window-probe.cjs reports about the server's main thread over one window. */
export interface ServerWindow {
  loopDelayMs: { p50: number; p99: number; max: number };
  gc: { count: number; totalMs: number; maxMs: number; major: number; majorMaxMs: number };
  heapUsedMiB: number;
  rssMiB: number;
}

/** Either system as the runs see it: where to connect, and which process to watch. */
export interface Target {
  url: string;
  pid: number;
  /** Opens (first call) or closes (second) a probe window; resolves to its files once closed. */
  toggleWindow: () => Promise<{ stats: ServerWindow; profile: string | null } | null>;
  stop: () => Promise<void>;
}

/** Variables that would switch adapters (MySQL, Redis, S3) or the port: a developer's shell must not. */
const ADAPTER_VARS = /^(DATABASE_URL|REDIS_URL|S3_|MEDIA_DIR|JOBS_IN_API|SESSION_SECRET|PUBLIC_URL|PORT)/;

/** The built api in its embedded mode (SQLite, media on disk, in-memory Socket.IO adapter). */
export async function startGallery(config: FanoutConfig, dataDir: string): Promise<Target> {
  const main = join(config.backendDist, 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the backend first (npm run build)`);
  const port = await freePort();
  const probeDir = join(dataDir, 'probe');
  await mkdir(probeDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!ADAPTER_VARS.test(key)) env[key] = value;
  Object.assign(env, config.galleryEnv, probeEnv(config, probeDir), {
    PORT: String(port),
    DATA_DIR: dataDir,
    // The api reads .env from INIT_CWD; pointing it at the empty data dir keeps a developer's
    // .env (say REDIS_URL) from quietly turning this into a different deployment.
    INIT_CWD: dataDir,
  });
  const child = spawn(process.execPath, ['-r', PROBE, main], {
    cwd: dataDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child);
  const deadline = Date.now() + 60_000;
  while (!/Listening on/.test(output.text())) {
    if (child.exitCode !== null) throw new Error(`the api exited while starting:\n${output.text()}`);
    if (Date.now() > deadline) throw new Error(`the api did not start in 60 s:\n${output.text()}`);
    await sleep(100);
  }
  return target(`http://127.0.0.1:${port}`, child, probeDir);
}

/** Forks bare-server.ts into its own process (with the same probe) and waits for its port. */
export async function startBare(config: FanoutConfig, dir: string): Promise<Target> {
  const probeDir = join(dir, 'bare-probe');
  await mkdir(probeDir, { recursive: true });
  const child = fork(join(__dirname, 'bare-server.ts'), [], {
    execArgv: [...process.execArgv, '-r', PROBE],
    env: { ...process.env, ...probeEnv(config, probeDir) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bare server exited (${code}) while starting`)));
  });
  return target(`http://127.0.0.1:${port}`, child, probeDir);
}

function probeEnv(config: FanoutConfig, probeDir: string): Record<string, string> {
  return { CHAT_BENCH_PROBE_DIR: probeDir, CHAT_BENCH_PROFILE: config.profile ? '1' : '0' };
}

function target(url: string, child: ChildProcess, probeDir: string): Target {
  let windows = 0;
  let open = false;
  return {
    url,
    pid: child.pid!,
    stop: () => stopProcess(child),
    toggleWindow: async () => {
      child.kill('SIGWINCH');
      open = !open;
      if (open) return null;
      const base = join(probeDir, `window-${++windows}`);
      // The probe writes the profile (if any) first and the stats last, each under its final name.
      for (let waited = 0; !existsSync(`${base}.json`); waited += 100) {
        if (waited > 30_000) throw new Error(`the server wrote no ${base}.json`);
        await sleep(100);
      }
      const stats = JSON.parse(await readFile(`${base}.json`, 'utf8')) as ServerWindow;
      return { stats, profile: existsSync(`${base}.cpuprofile`) ? `${base}.cpuprofile` : null };
    },
  };
}
