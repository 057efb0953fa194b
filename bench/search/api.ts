import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotBackend } from './build';

/** A free TCP port on loopback (tiny race until the child binds it; fine on a quiet machine). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The built api (`node backend/dist/main.js`) as production runs it, on a private port and data dir. */
export class Api {
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
    private readonly dataDir: string,
    private readonly removeBuild: () => void,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-8_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(mainJs: string, databaseUrl: string): Promise<Api> {
    const build = await snapshotBackend(mainJs);
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'gallery-bench-search-'));
    // Only what the api needs: no REDIS_URL/S3_* leaking in from the shell changes the setup measured.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: 'bench-search-session-secret-of-32-chars-or-more',
      // The api allows 1200 requests/min per client IP; the load loop spreads its requests over many
      // X-Forwarded-For addresses (as many viewers would be), so the guard runs but never refuses.
      TRUST_PROXY: 'true',
      // LIST_CACHE_SECONDS=0 measures search and colour browse without the api's id cache.
      ...(process.env.LIST_CACHE_SECONDS ? { LIST_CACHE_SECONDS: process.env.LIST_CACHE_SECONDS } : {}),
      // READ_CACHE_SECONDS=0 too for cold figures: signed-out repeats are otherwise whole cached answers.
      ...(process.env.READ_CACHE_SECONDS ? { READ_CACHE_SECONDS: process.env.READ_CACHE_SECONDS } : {}),
    };
    const child = spawn(process.execPath, [build.mainJs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const api = new Api(child, `http://127.0.0.1:${port}`, dataDir, build.remove);
    try {
      await api.waitHealthy(60_000);
    } catch (err) {
      await api.stop();
      throw err;
    }
    return api;
  }

  get log(): string {
    return this.output;
  }

  private async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`api exited during start-up:\n${this.output}`);
      try {
        const res = await fetch(`${this.baseUrl}/api/health`);
        if (res.ok) return;
      } catch {
        // Not listening yet (migrations still running).
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`api not healthy after ${timeoutMs} ms:\n${this.output}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((r) => this.child.once('close', r));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dataDir, { recursive: true, force: true });
    this.removeBuild();
  }
}
