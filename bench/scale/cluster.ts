import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { PrivateRedis } from '../../backend/test/support/private-redis';
import { Cleanup } from '../pipeline/cleanup';
import { freePort, Managed, procStats, sleep } from '../pipeline/proc';
import { startS3rver } from '../pipeline/services';

const ROOT = join(__dirname, '../..');
const DIST = process.env.BENCH_BACKEND_DIST || join(ROOT, 'backend/dist');

/** One api instance as the load balancer sees it. */
export interface Api {
  name: string;
  url: string;
  proc: Managed;
}

/**
 * The production layout on one machine: MariaDB (one database of the bench's own, emptied at
 * start), a private redis-server that can be SIGKILLed and restarted on its port, s3rver in its
 * own process, and any number of `node dist/main.js` apis and `node dist/worker.js` workers, all
 * sharing one environment (secrets, signing key), as instances behind a load balancer would.
 */
export class Cluster {
  readonly apis: Api[] = [];
  readonly workers: Managed[] = [];
  private started = 0;
  private workersStarted = 0;

  private constructor(
    readonly cleanup: Cleanup,
    readonly dir: string,
    readonly logDir: string,
    readonly redis: PrivateRedis,
    readonly databaseUrl: string,
    readonly s3Dir: string,
    readonly s3Pid: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  static async start(databaseUrl: string, extraEnv: Record<string, string>): Promise<Cluster> {
    for (const file of ['main.js', 'worker.js'])
      if (!existsSync(join(DIST, file)))
        throw new Error(`${DIST}/${file} is missing: run "npm run build" first`);
    const cleanup = new Cleanup();
    const dir = await mkdtemp(join(tmpdir(), 'gallery-scale-'));
    cleanup.defer('remove temp dir', () => rm(dir, { recursive: true, force: true }));
    // Logs outlive the run (bench/results is not committed): a fault that kills a process is read there.
    const logDir = join(
      __dirname,
      '../results',
      `scale-logs-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    );
    await mkdir(logDir, { recursive: true });
    await resetDatabase(databaseUrl);
    const redis = await PrivateRedis.start();
    cleanup.defer('stop redis-server', () => redis.kill());
    const s3Dir = join(dir, 's3');
    const s3 = await startS3rver(s3Dir, ROOT, cleanup);
    const { privateKey } = generateKeyPairSync('ed25519');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...s3.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      // Production refuses a short or published secret; every instance must share one (and the key).
      SESSION_SECRET: randomBytes(32).toString('hex'),
      PROVENANCE_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      DATA_DIR: join(dir, 'data'),
      WEB_DIR: '',
      JOBS_IN_API: 'false',
      // Behind a load balancer: many client addresses, so the per-IP limit does not answer 429.
      TRUST_PROXY: 'true',
      RATE_LIMIT_AUTH_PER_IP: '1000000',
      RATE_LIMIT_AUTH_PER_USERNAME: '1000000',
      RATE_LIMIT_CHAT_PER_10S: '1000000',
      ...extraEnv,
    };
    const cluster = new Cluster(cleanup, dir, logDir, redis, databaseUrl, s3Dir, s3.pid, env);
    return cluster;
  }

  /** Starts one more api and waits until /api/health answers. */
  async startApi(): Promise<Api> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const name = `api${++this.started}`;
    const proc = Managed.start(name, process.execPath, [join(DIST, 'main.js')], {
      env: { ...this.env, PORT: String(port), PUBLIC_URL: url },
      logFile: join(this.logDir, `${name}.log`),
      cwd: ROOT,
    });
    this.cleanup.defer(`stop ${name}`, () => proc.stop());
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (!proc.alive) throw new Error(`${name} exited:\n${proc.tail()}`);
      const up = await fetch(`${url}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (up) break;
      if (Date.now() > deadline) throw new Error(`${name} did not start:\n${proc.tail()}`);
      await sleep(200);
    }
    const api = { name, url, proc };
    this.apis.push(api);
    return api;
  }

  /** Starts one more worker and waits until it consumes jobs. */
  async startWorker(): Promise<Managed> {
    const name = `worker${++this.workersStarted}`;
    const proc = Managed.start(name, process.execPath, [join(DIST, 'worker.js')], {
      env: this.env,
      logFile: join(this.logDir, `${name}.log`),
      cwd: ROOT,
    });
    this.cleanup.defer(`stop ${name}`, () => proc.stop());
    await proc.waitForOutput(/consuming media jobs/i, 60_000);
    this.workers.push(proc);
    return proc;
  }

  /** SIGKILL: no shutdown hooks, no goodbye to Redis or the database. */
  async kill(proc: Managed): Promise<void> {
    if (!proc.alive) return;
    const gone = new Promise<void>((resolve) => proc.child.once('close', () => resolve()));
    proc.child.kill('SIGKILL');
    await gone;
    const api = this.apis.findIndex((a) => a.proc === proc);
    if (api >= 0) this.apis.splice(api, 1);
    const worker = this.workers.indexOf(proc);
    if (worker >= 0) this.workers.splice(worker, 1);
  }

  /** Stops every api (gracefully), leaving workers, Redis and the data. */
  async stopApis(): Promise<void> {
    await Promise.all(this.apis.map((a) => a.proc.stop()));
    this.apis.length = 0;
  }

  /** CPU seconds used so far by the live apis and workers (for figures per core). */
  async cpu(): Promise<{ apis: number; workers: number; redis: number }> {
    const sum = async (procs: Managed[]) =>
      (
        await Promise.all(
          procs.map((p) =>
            procStats(p.pid).then(
              (s) => s.cpuSeconds,
              () => 0,
            ),
          ),
        )
      ).reduce((a, b) => a + b, 0);
    const redisPid = this.redis.pid;
    return {
      apis: await sum(this.apis.map((a) => a.proc)),
      workers: await sum(this.workers),
      redis: redisPid
        ? await procStats(redisPid).then(
            (s) => s.cpuSeconds,
            () => 0,
          )
        : 0,
    };
  }

  /** A connection to the bench's database for checks (close it). */
  db() {
    return createConnection(this.databaseUrl);
  }

  stop(): Promise<void> {
    return this.cleanup.run();
  }
}

/** The bench's database, emptied: the first api migrates it. */
async function resetDatabase(url: string): Promise<void> {
  const parsed = new URL(url);
  const name = parsed.pathname.replace(/^\//, '');
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`BENCH_DATABASE_URL must name a database, got ${url}`);
  parsed.pathname = '/';
  const admin = await createConnection(parsed.toString());
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
}

/**
 * The load balancer: each person has a home api (sticky, as with cookie affinity) and is sent to
 * a live one when theirs is gone; the same person always lands on the same survivor.
 */
export class Balancer {
  private readonly homes = new Map<string, string>();

  constructor(private readonly cluster: Cluster) {}

  assign(person: string, apiName: string): void {
    this.homes.set(person, apiName);
  }

  url(person: string): string {
    const apis = this.cluster.apis;
    if (!apis.length) throw new Error('no api is running');
    const home = apis.find((a) => a.name === this.homes.get(person));
    if (home) return home.url;
    let hash = 0;
    for (const ch of person) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return apis[hash % apis.length]!.url;
  }

  nameOf(url: string): string {
    return this.cluster.apis.find((a) => a.url === url)?.name ?? url;
  }
}
