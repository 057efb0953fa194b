import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/private-redis';

const MAIN = join(__dirname, '../dist/main.js');
const WORKER = join(__dirname, '../dist/worker.js');

/** Starts a built process with `env`; resolves with its exit code, output and run time. */
function run(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH!, SESSION_SECRET: 'test-secret-test-secret', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

// Issue #13, fault 5: a wrong DATABASE_URL printed ten stack traces over 28 s and never named the
// variable. Now: one line naming it and the address tried (password masked), within seconds.
describe('a dependency that cannot be reached at start-up', () => {
  let dataDir: string;
  let closed: number;
  beforeAll(async () => {
    for (const file of [MAIN, WORKER])
      if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build -w backend" first`);
    dataDir = mkdtempSync(join(tmpdir(), 'gallery-startup-'));
    closed = await freePort();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const cases = [
    {
      variable: 'DATABASE_URL',
      env: () => ({ DATABASE_URL: `mysql://gallery:hunter2secret@127.0.0.1:${closed}/gallery` }),
      address: () => `127.0.0.1:${closed}`,
    },
    {
      variable: 'REDIS_URL',
      env: () => ({ REDIS_URL: `redis://:hunter2secret@127.0.0.1:${closed}` }),
      address: () => `127.0.0.1:${closed}`,
    },
    {
      variable: 'S3_ENDPOINT',
      env: () => ({
        S3_BUCKET: 'gallery',
        S3_ENDPOINT: `http://127.0.0.1:${closed}`,
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'hunter2secret',
      }),
      address: () => `127.0.0.1:${closed}`,
    },
  ];

  for (const { variable, env, address } of cases) {
    it(`${variable}: the api exits within seconds with one line naming it`, async () => {
      const { code, output, ms } = await run(MAIN, { DATA_DIR: dataDir, ...env() });
      expect(code).toBe(1);
      expect(ms).toBeLessThan(12_000);
      const lines = output
        .trim()
        .split('\n')
        .filter(
          (l) =>
            !/AWS SDK|NodeVersionSupportWarning|node >=22|upgrade to node|a\.co\/|trace-warnings|^\s*$|versions published|will require|To continue receiving|security updates|More information/.test(
              l,
            ),
        );
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(variable);
      expect(lines[0]).toContain(address());
      expect(output).not.toContain('hunter2secret');
      expect(output).not.toMatch(/\n\s+at /);
    }, 30_000);
  }

  it('the worker names REDIS_URL the same way', async () => {
    const { code, output } = await run(WORKER, { DATA_DIR: dataDir, ...cases[1]!.env() });
    expect(code).toBe(1);
    expect(output).toContain('REDIS_URL');
    expect(output).not.toContain('hunter2secret');
  }, 30_000);
});
