import type { Artwork } from '@gallery/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_RECHECK_MS } from '../src/realtime/session-recheck';
import { databaseKinds } from './support/adapters';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { PrivateRedis } from './support/private-redis';
import { connect, cookieOf, disconnectAll } from './support/sockets';
import { TestApp } from './support/test-app';

const WORKER = join(__dirname, '../dist/worker.js');
const needsMysql = databaseKinds().includes('mysql') ? describe : describe.skip;

const batch = (n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      png(3000, 2000, `#${(0x203040 + i * 0x050301).toString(16).slice(-6)}`).then((body) => ({
        body,
        name: `w${i}.png`,
      })),
    ),
  );

// Issue #13, fault 1: Redis dying while a worker processes images used to end the worker
// (an unhandled MaxRetriesPerRequestError from the socket emitter's publish).
needsMysql('a worker outlives a Redis outage (MariaDB, s3rver, private Redis)', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    if (!existsSync(WORKER))
      throw new Error(`${WORKER} is missing: run "npm run build -w backend" first (npm test does)`);
    redis = await PrivateRedis.start();
  });
  afterAll(() => redis.kill());
  afterEach(() => disconnectAll());

  it('Redis SIGKILLed mid-batch: the worker keeps running, every stage ends ready and its stage:updated arrives', async () => {
    const app = await TestApp.start({
      database: 'mysql',
      s3: true,
      env: { REDIS_URL: redis.url, STAGE_RECOVERY_SECONDS: '2', JOBS_IN_API: 'false' },
      // The SIGKILLed Redis keeps nothing, sessions included, so the api's once-a-minute session
      // re-check rightly closes the watcher's socket if it falls after the restart (half the runs
      // on a loaded machine). This spec is about the worker's events; the watcher must stay.
      overrides: [{ provide: SESSION_RECHECK_MS, useValue: 3_600_000 }],
    });
    let worker: ChildProcess | null = null;
    let output = '';
    try {
      const painter = app.client();
      await painter.register('weather');
      const album = await createArtwork(painter, 'Outage');
      expect((await uploadStages(painter, album.id, await batch(12))).status).toBe(201);
      const watcher = await connect(app, cookieOf(painter));
      const readyEvents = new Set<string>();
      watcher.on('stage:updated', (s) => {
        if (s.status === 'ready') readyEvents.add(s.id);
      });
      expect(await watcher.emitWithAck('album:watch', { albumId: album.id })).toEqual({ ok: true });

      worker = spawn(process.execPath, [WORKER], {
        env: { ...process.env, ...app.environment },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      worker.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      worker.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      const deadline = Date.now() + 60_000;
      for (;;) {
        const stages = ((await painter.get(`/api/albums/${album.id}`)).body as Artwork).stages;
        if (stages.some((s) => s.status === 'ready') && stages.some((s) => s.status !== 'ready')) break;
        if (Date.now() > deadline) throw new Error(`worker never got going:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await redis.kill();
      // Long enough for ioredis to give up on queued commands (maxRetriesPerRequest) and for
      // jobs in flight to finish against a dead Redis.
      await new Promise((r) => setTimeout(r, 8000));
      expect({ exitCode: worker.exitCode, signal: worker.signalCode }).toEqual({
        exitCode: null,
        signal: null,
      });
      await redis.restart();

      const done = await settled(app.client(), album.id, 90_000);
      expect(done.stages.filter((s) => s.status !== 'ready')).toEqual([]);
      expect(worker.exitCode).toBeNull();
      // Stages finished while Redis was down: their event was held and published on reconnect.
      const until = Date.now() + 10_000;
      while (readyEvents.size < done.stages.length && Date.now() < until)
        await new Promise((r) => setTimeout(r, 100));
      expect([...readyEvents].sort()).toEqual(done.stages.map((s) => s.id).sort());
      expect(output).not.toMatch(/MaxRetriesPerRequestError|Unhandled/);
    } finally {
      worker?.kill('SIGKILL');
      await app.close();
    }
  }, 150_000);
});
