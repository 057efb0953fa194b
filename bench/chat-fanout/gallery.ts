import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FanoutConfig } from './config';
import { captureOutput, freePort, sleep, stopProcess } from './proc';

/** The built api in its embedded mode (SQLite, media on disk, in-memory Socket.IO adapter). */
export interface GalleryServer {
  url: string;
  child: ChildProcess;
  pid: number;
  /** Where CPU profiles of measured windows land (CHAT_BENCH_PROFILE=1), else null. */
  profileDir: string | null;
  stop: () => Promise<void>;
}

/** Variables that would switch adapters (MySQL, Redis, S3) or the port: a developer's shell must not. */
const ADAPTER_VARS = /^(DATABASE_URL|REDIS_URL|S3_|MEDIA_DIR|JOBS_IN_API|SESSION_SECRET|PUBLIC_URL|PORT)/;

export async function startGallery(config: FanoutConfig, dataDir: string): Promise<GalleryServer> {
  const main = join(config.backendDist, 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the backend first (npm run build)`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!ADAPTER_VARS.test(key)) env[key] = value;
  Object.assign(env, config.galleryEnv, {
    PORT: String(port),
    DATA_DIR: dataDir,
    // The api reads .env from INIT_CWD; pointing it at the empty data dir keeps a developer's
    // .env (say REDIS_URL) from quietly turning this into a different deployment.
    INIT_CWD: dataDir,
  });
  let profileDir: string | null = null;
  const preload: string[] = [];
  if (config.profile) {
    profileDir = join(dataDir, 'profiles');
    await mkdir(profileDir, { recursive: true });
    env.CHAT_BENCH_PROFILE_DIR = profileDir;
    preload.push('-r', join(__dirname, 'profiler-preload.cjs'));
  }
  const child = spawn(process.execPath, [...preload, main], {
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
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    pid: child.pid!,
    profileDir,
    stop: () => stopProcess(child),
  };
}
