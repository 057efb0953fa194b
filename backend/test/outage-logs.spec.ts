import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, PrivateRedis } from './support/private-redis';

const MAIN = join(__dirname, '../dist/main.js');

// Issue #13, fault 6: ~105 log lines per api during a 32 s Redis outage (one per retry). Now
// the connections log when they are lost and when they are back.
describe('logs during a Redis outage', () => {
  it('an api logs state changes, not every retry or failed health probe', async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build -w backend" first`);
    const redis = await PrivateRedis.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'gallery-logs-'));
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH!,
        DATA_DIR: dataDir,
        REDIS_URL: redis.url,
        // Production refuses short or published secrets: a fresh random one.
        SESSION_SECRET: randomBytes(32).toString('hex'),
        PORT: String(port),
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      const deadline = Date.now() + 30_000;
      while (!/Listening on/.test(output)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(output);
        await new Promise((r) => setTimeout(r, 100));
      }
      const before = output.length;
      await redis.kill();
      // A load balancer probing health every second through the outage.
      for (let i = 0; i < 10; i++) {
        await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 1000));
      }
      await redis.restart();
      await new Promise((r) => setTimeout(r, 4000));
      const lines = output.slice(before).trim().split('\n');
      expect(output.slice(before)).toMatch(/lost/);
      expect(output.slice(before)).toMatch(/back/);
      // Four connections (shared, socket.io pub/sub, Bull's): about two lines each at most.
      expect(lines.length).toBeLessThanOrEqual(14);
    } finally {
      child.kill('SIGKILL');
      await redis.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
