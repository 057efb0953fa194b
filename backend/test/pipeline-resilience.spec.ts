import type { Artwork } from '@gallery/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseKinds } from './support/adapters';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { PrivateRedis } from './support/private-redis';
import { TestApp } from './support/test-app';

const WORKER = join(__dirname, '../dist/worker.js');
const needsMysql = databaseKinds().includes('mysql') ? describe : describe.skip;

/** Distinct images (`from` offsets the colours), big enough that processing takes a moment. */
const batch = (n: number, w = 1600, h = 1200, from = 0) =>
  Promise.all(
    Array.from({ length: n }, (_, k) => {
      const i = from + k;
      return png(w, h, `#${(0x102030 + i * 0x050301).toString(16).slice(-6)}`).then((body) => ({
        body,
        name: `s${i}.png`,
      }));
    }),
  );

// Production mode only: the in-process queue has no Redis to lose. A private redis-server is killed.
needsMysql('nothing uploaded is lost (MariaDB, s3rver, Bull on a private Redis)', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await PrivateRedis.start();
  });
  afterAll(() => redis.kill());

  it('Redis killed and restarted during a 30-image batch: every stage ends ready', async () => {
    const app = await TestApp.start({
      database: 'mysql',
      s3: true,
      env: { REDIS_URL: redis.url, STAGE_RECOVERY_SECONDS: '2' },
    });
    try {
      const painter = app.client();
      await painter.register('survivor');
      const album = await createArtwork(painter, 'Through the storm');
      for (let i = 0; i < 3; i++) {
        expect((await uploadStages(painter, album.id, await batch(10, 3000, 2000, i * 10))).status).toBe(201);
      }
      const inFlight = ((await painter.get(`/api/albums/${album.id}`)).body as Artwork).stages;
      await redis.kill();
      // The kill must land mid-batch for this to prove anything.
      expect(inFlight.filter((s) => s.status !== 'ready').length).toBeGreaterThan(5);
      await new Promise((r) => setTimeout(r, 1000));
      await redis.restart();
      // Sessions lived in that Redis too; the artwork is public, so anyone can watch it finish.
      const done: Artwork = await settled(app.client(), album.id, 90_000);
      expect(done.stages).toHaveLength(30);
      expect(done.stages.filter((s) => s.status !== 'ready')).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('a worker killed mid-job: another worker finishes every stage', async () => {
    if (!existsSync(WORKER))
      throw new Error(`${WORKER} is missing: run "npm run build -w backend" first (npm test does)`);
    const app = await TestApp.start({
      database: 'mysql',
      s3: true,
      env: { REDIS_URL: redis.url, STAGE_RECOVERY_SECONDS: '2', JOBS_IN_API: 'false' },
    });
    const workers: ChildProcess[] = [];
    const startWorker = () => {
      const worker = spawn(process.execPath, [WORKER], {
        env: { ...process.env, ...app.environment },
        stdio: 'ignore',
      });
      workers.push(worker);
      return worker;
    };
    try {
      const painter = app.client();
      await painter.register('steady');
      const album = await createArtwork(painter, 'Handed over');
      expect((await uploadStages(painter, album.id, await batch(12, 3000, 2000))).status).toBe(201);
      const first = startWorker();
      // Kill it once it has finished something and is in the middle of the rest.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const stages = ((await painter.get(`/api/albums/${album.id}`)).body as Artwork).stages;
        if (stages.some((s) => s.status === 'ready') && stages.some((s) => s.status === 'processing')) break;
        if (Date.now() > deadline) throw new Error('worker never got going');
        await new Promise((r) => setTimeout(r, 50));
      }
      first.kill('SIGKILL');
      startWorker();
      const done = await settled(painter, album.id, 90_000);
      expect(done.stages.filter((s) => s.status !== 'ready')).toEqual([]);
    } finally {
      for (const w of workers) w.kill('SIGKILL');
      await app.close();
    }
  }, 150_000);
});
