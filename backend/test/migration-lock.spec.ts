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
const MIGRATE = join(__dirname, '../dist/cli/migrate.js');
const needsMysql = databaseKinds().includes('mysql') ? describe : describe.skip;

// Issue #13, fault 4: two apis and a worker starting on an empty MariaDB raced to migrate.
needsMysql('start-up migrations on an empty MariaDB', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    for (const file of [MAIN, WORKER, MIGRATE])
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

  // Issue #13: `npm run migrate` during a deploy, while the new apis start.
  it('npm run migrate waits while another process holds the lock, then migrates once', async () => {
    const db = await createMysqlDatabase();
    const holder = await mysql.createConnection({ uri: db.url });
    let cli: ChildProcess | null = null;
    try {
      // The lock is server-wide: another suite's api starting on this MariaDB may hold it a moment.
      const [[held]] = (await holder.query("SELECT GET_LOCK('gallery-migrations', 30) AS got")) as [
        { got: number }[],
        unknown,
      ];
      expect(Number(held!.got)).toBe(1);
      let output = '';
      cli = spawn(process.execPath, [MIGRATE], {
        env: { ...process.env, DATABASE_URL: db.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      cli.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      cli.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((resolve) => cli!.on('exit', (code) => resolve(code)));
      const deadline = Date.now() + 30_000;
      while (!/waiting for the gallery-migrations lock/.test(output)) {
        if (Date.now() > deadline || cli.exitCode !== null) throw new Error(output);
        await new Promise((r) => setTimeout(r, 100));
      }
      // While the lock is held, not one table is made.
      await new Promise((r) => setTimeout(r, 1000));
      const [tables] = await holder.query('SHOW TABLES');
      expect(tables).toEqual([]);
      await holder.query("SELECT RELEASE_LOCK('gallery-migrations')");
      expect(await exited).toBe(0);
      expect(output).toMatch(/\d+ migration\(s\) applied/);
      const [rows] = await holder.query('SELECT name, COUNT(*) AS n FROM migrations GROUP BY name');
      expect((rows as { n: number }[]).length).toBeGreaterThan(0);
      expect((rows as { n: number }[]).filter((r) => Number(r.n) !== 1)).toEqual([]);
    } finally {
      cli?.kill('SIGKILL');
      await holder.end();
      await db.drop();
    }
  }, 60_000);

  it('npm run migrate alongside two apis starting: one of them migrates, all succeed, each migration ran once', async () => {
    const db = await createMysqlDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'gallery-migrate-'));
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      PORT: '0',
      JOBS_IN_API: 'false',
      LOG_LEVEL: 'info',
    };
    const procs = [
      { script: MIGRATE, ready: /migration\(s\) applied|schema already up to date/ },
      { script: MAIN, ready: /Listening on/ },
      { script: MAIN, ready: /Listening on/ },
    ].map(({ script, ready }) => {
      const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const proc = { child, output: '', ready };
      child.stdout!.on('data', (d: Buffer) => (proc.output += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (proc.output += d.toString()));
      return proc;
    });
    const [cli, ...apis] = procs;
    try {
      const deadline = Date.now() + 60_000;
      while (!procs.every((p) => p.ready.test(p.output)) || cli!.child.exitCode === null) {
        const dead = apis.find((p) => p.child.exitCode !== null);
        if (dead) throw new Error(`an api exited during start-up:\n${dead.output}`);
        if (cli!.child.exitCode !== null && cli!.child.exitCode !== 0) throw new Error(cli!.output);
        if (Date.now() > deadline) throw new Error(procs.map((p) => p.output).join('\n----\n'));
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(cli!.child.exitCode).toBe(0);
      for (const p of procs) expect(p.output).not.toMatch(/ERROR|already exists|Duplicate|Unable to connect/);
      const migrated = [
        ...apis.filter((p) => /migration\(s\) under the gallery-migrations lock/.test(p.output)),
        ...(/\d+ migration\(s\) applied/.test(cli!.output) ? [cli] : []),
      ];
      expect(migrated).toHaveLength(1);
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
