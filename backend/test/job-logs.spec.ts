import type { Artwork } from '@gallery/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MediaStorage } from '../src/storage/media-storage';
import { databaseKinds } from './support/adapters';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { TestApp } from './support/test-app';

const WORKER = join(__dirname, '../dist/worker.js');
const needsMysql = databaseKinds().includes('mysql') ? describe : describe.skip;

interface LogLine {
  msg?: string;
  context?: string;
  job?: string;
  stageId?: string;
  albumId?: string;
}

// Issue #13, observability: an operator follows one stage through the workers' JSON logs by its
// stageId and albumId, whichever class wrote the line (the job runner, the stage processor).
needsMysql('job logs carry the stage and album (worker, MariaDB, s3rver, Redis)', () => {
  it('every line of a stage job, succeeding or failing, has stageId and albumId', async () => {
    if (!existsSync(WORKER))
      throw new Error(`${WORKER} is missing: run "npm run build -w backend" first (npm test does)`);
    const app = await TestApp.start({
      database: 'mysql',
      s3: true,
      redis: true,
      env: { JOBS_IN_API: 'false' },
    });
    let worker: ChildProcess | null = null;
    let output = '';
    try {
      const painter = app.client();
      await painter.register('logger');
      const album = await createArtwork(painter, 'Traced');
      const files = [
        { body: await png(400, 300, '#336699'), name: 'fine.png' },
        { body: await png(400, 300, '#996633'), name: 'lost.png' },
      ];
      expect((await uploadStages(painter, album.id, files)).status).toBe(201);
      const [fine, lost] = ((await painter.get(`/api/albums/${album.id}`)).body as Artwork).stages;
      // No worker runs yet: take the second original away so its job fails on every attempt.
      const [row] = (await app
        .get(DataSource)
        .query('SELECT originalKey FROM stages WHERE id = ?', [lost!.id])) as { originalKey: string }[];
      await app.get(MediaStorage).delete(row!.originalKey);

      worker = spawn(process.execPath, [WORKER], {
        env: {
          ...process.env,
          ...app.environment,
          NODE_ENV: 'production',
          LOG_LEVEL: 'info',
          SESSION_SECRET: randomBytes(32).toString('hex'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      worker.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      worker.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      const done = await settled(app.client(), album.id, 60_000);
      expect(Object.fromEntries(done.stages.map((s) => [s.id, s.status]))).toEqual({
        [fine!.id]: 'ready',
        [lost!.id]: 'failed',
      });
      await new Promise((r) => setTimeout(r, 500));

      const lines = output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as LogLine);
      const about = (stageId: string) =>
        lines.filter((l) => l.stageId === stageId || l.msg?.includes(stageId));
      // The success line, and every failure line of the runner and the processor: three attempts;
      // the third, final one marks the stage failed and so ends the job without a retry.
      expect(about(fine!.id).map((l) => l.msg)).toContainEqual(
        expect.stringMatching(/^process-stage completed in \d+ ms$/),
      );
      const failures = about(lost!.id).map((l) => `${l.context}: ${l.msg?.replace(/:.*/, '')}`);
      for (const attempt of [1, 2, 3])
        expect(failures).toContain(`StageProcessor: stage ${lost!.id} attempt ${attempt}`);
      for (const attempt of [1, 2])
        expect(failures).toContain(`Jobs: process-stage attempt ${attempt} failed`);
      for (const stage of [fine!, lost!]) {
        for (const line of about(stage.id)) {
          expect({ msg: line.msg, stageId: line.stageId, albumId: line.albumId }).toEqual({
            msg: line.msg,
            stageId: stage.id,
            albumId: album.id,
          });
        }
      }
    } finally {
      worker?.kill('SIGKILL');
      await app.close();
    }
  }, 120_000);
});
