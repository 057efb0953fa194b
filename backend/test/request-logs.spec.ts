import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/private-redis';

const MAIN = join(__dirname, '../dist/main.js');

// Issue #13, observability: one JSON line per request with its id, status and latency; no cookies.
describe('request logs (production: JSON)', () => {
  it('a request is logged with its request id, status and latency, and without its cookie', async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build -w backend" first`);
    const dataDir = mkdtempSync(join(tmpdir(), 'gallery-reqlog-'));
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH!,
        DATA_DIR: dataDir,
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
      const res = await fetch(`http://127.0.0.1:${port}/api/albums/00000000-0000-0000-0000-000000000000`, {
        headers: { cookie: 'gallery.sid=s%3Asecret-session-value; XSRF-TOKEN=abc' },
      });
      const id = res.headers.get('x-request-id');
      expect(id).toBeTruthy();
      const body = (await res.json()) as { requestId?: string; statusCode: number };
      expect(body.requestId).toBe(id);
      await new Promise((r) => setTimeout(r, 300));
      const line = output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map(
          (l) =>
            JSON.parse(l) as {
              req?: { id?: string };
              res: { statusCode: number };
              responseTime: unknown;
              route?: string;
            },
        )
        .find((l) => l.req?.id === id);
      expect(line).toBeDefined();
      expect(line!.res.statusCode).toBe(body.statusCode);
      expect(typeof line!.responseTime).toBe('number');
      expect(line!.route).toBe('/api/albums/:id');
      expect(output).not.toContain('secret-session-value');
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
