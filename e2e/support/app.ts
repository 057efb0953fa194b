import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The built api + web app, running in embedded mode (SQLite, local disk, no Redis). */
export interface RunningApp {
  readonly baseUrl: string;
  /** The api's DATA_DIR (SQLite database, media), e.g. for the make-admin CLI. */
  readonly dataDir: string;
  /** What the server printed so far; shown when something fails. */
  log(): string;
  stop(): Promise<void>;
}

/** Variables that would switch the api to MySQL, Redis or S3. The e2e run wants none of them. */
const EXTERNAL_SERVICES = /^(DATABASE_URL|REDIS_URL|S3_.*|AWS_.*)$/;

/**
 * Starts `node backend/dist/main.js` on a free port with a fresh data directory and waits
 * until GET /api/health answers 200. Needs `npm run build` first.
 */
export async function startApp(): Promise<RunningApp> {
  const main = path.join(REPO_ROOT, 'backend', 'dist', 'main.js');
  // index.csr.html since the build also renders public pages on the server (backend/src/web/ssr.ts).
  const browser = path.join(REPO_ROOT, 'frontend', 'dist', 'browser');
  const web =
    ['index.csr.html', 'index.html'].map((f) => path.join(browser, f)).find(existsSync) ??
    path.join(browser, 'index.csr.html');
  for (const built of [main, web]) {
    if (!existsSync(built)) {
      throw new Error(`${path.relative(REPO_ROOT, built)} is missing — run \`npm run build\` first`);
    }
  }

  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gallery-e2e-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!EXTERNAL_SERVICES.test(key)) {
      env[key] = value;
    }
  }
  Object.assign(env, { PORT: String(port), DATA_DIR: dataDir });

  const child = spawn(process.execPath, [main], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const app: RunningApp = {
    baseUrl,
    dataDir,
    log: () => output,
    stop: async () => {
      await stopProcess(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };

  try {
    await waitForHealth(baseUrl, child, 30_000);
  } catch (error) {
    await app.stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return app;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the api exited with code ${child.exitCode} before it was healthy`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`GET /api/health did not answer 200 within ${timeoutMs} ms`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
