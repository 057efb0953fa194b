import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { createMysqlDatabase, databaseKinds } from './support/adapters';
import { PrivateRedis } from './support/private-redis';

const MAIN = join(__dirname, '../dist/main.js');
const WORKER = join(__dirname, '../dist/worker.js');
const needsMysql = databaseKinds().includes('mysql') ? describe : describe.skip;

// Issue #13, fault 4: two apis and a worker starting on an empty MariaDB raced to migrate.
needsMysql('start-up migrations on an empty MariaDB', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    for (const file of [MAIN, WORKER])
      if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build -w backend" first`);
    redis = await PrivateRedis.start();
  });
  afterAll(() => redis.kill());

  it('two apis and a worker start together: one migrates under the lock, all come up, each migration ran once', async () => {
    const db = await createMysqlDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'gallery-migrate-'));
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      // Production refuses short or published secrets: a fresh random one.
      SESSION_SECRET: randomBytes(32).toString('hex'),
      PORT: '0',
      JOBS_IN_API: 'false',
      // Jest sets NODE_ENV=test, where request logs default to warn: the start-up lines are info.
      LOG_LEVEL: 'info',
    };
    const procs: { child: ChildProcess; output: string; ready: RegExp }[] = [
      { script: WORKER, ready: /Worker consuming/ },
      { script: MAIN, ready: /Listening on/ },
      { script: MAIN, ready: /Listening on/ },
    ].map(({ script, ready }) => {
      const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const proc = { child, output: '', ready };
      child.stdout!.on('data', (d: Buffer) => (proc.output += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (proc.output += d.toString()));
      return proc;
    });
    try {
      const deadline = Date.now() + 60_000;
      while (!procs.every((p) => p.ready.test(p.output))) {
        const dead = procs.find((p) => p.child.exitCode !== null);
        if (dead) throw new Error(`a process exited during start-up:\n${dead.output}`);
        if (Date.now() > deadline) throw new Error(procs.map((p) => p.output).join('\n----\n'));
        await new Promise((r) => setTimeout(r, 200));
      }
      // No process hit the others' half-made schema (and retried its way through).
      for (const p of procs) expect(p.output).not.toMatch(/ERROR|already exists|Duplicate|Unable to connect/);
      // Exactly one migrated (under the lock); the worker never does.
      expect(
        procs.filter((p) => /migration\(s\) under the gallery-migrations lock/.test(p.output)),
      ).toHaveLength(1);
      expect(procs[0]!.output).not.toMatch(/under the gallery-migrations lock/);
      const conn = await mysql.createConnection({ uri: db.url });
      const [rows] = await conn.query('SELECT name, COUNT(*) AS n FROM migrations GROUP BY name');
      await conn.end();
      expect((rows as { n: number }[]).length).toBeGreaterThan(0);
      expect((rows as { n: number }[]).filter((r) => Number(r.n) !== 1)).toEqual([]);
    } finally {
      for (const p of procs) p.child.kill('SIGKILL');
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
