import { CSRF, type Artwork } from '@gallery/contracts';
import { request as httpRequest } from 'node:http';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../src/config/app-config';
import { StageEntity } from '../src/stages/stage.entity';
import { MediaNotFoundError, type MediaStorage } from '../src/storage/media-storage';
import { StorageDeletionEntity } from '../src/storage/storage-deletion.entity';
import { createMediaStorage } from '../src/storage/storage.module';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { killHard, startChildApi } from './support/child-api';
import { png } from './support/images';
import { appModes } from './support/modes';
import { cookieOf } from './support/sockets';
import { TestApp } from './support/test-app';
import { TestClient } from './support/test-client';

const HOLD_DELETES = join(__dirname, 'support/hold-deletes.cjs');

async function exists(storage: MediaStorage, key: string): Promise<boolean> {
  try {
    const { body } = await storage.get(key);
    body.destroy();
    return true;
  } catch (err) {
    if (err instanceof MediaNotFoundError) return false;
    throw err;
  }
}

/** Temp entries (upload parts, image job dirs) that process `pid` made. */
function tempEntriesOf(pid: number): string[] {
  const uploads = readdirSync(join(tmpdir(), 'gallery-uploads')).filter((n) => n.startsWith(`${pid}-`));
  const jobs = readdirSync(tmpdir()).filter((n) => n.startsWith(`gallery-stage-${pid}-`));
  return [...uploads, ...jobs];
}

async function eventually(check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts a multipart upload to `baseUrl` and sends only the first `bytes` of the file, then keeps
 * the request open: the server is mid-upload, spooling it to a temp file, until it dies.
 */
async function hangingUpload(client: TestClient, path: string, bytes: number): Promise<void> {
  const token = await client.token();
  const boundary = 'gallery-crash-test';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`;
  const { hostname, port } = new URL(client.baseUrl);
  const req = httpRequest({
    hostname,
    port,
    path,
    method: 'POST',
    headers: {
      cookie: cookieOf(client),
      [CSRF.header]: token,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + bytes * 4),
    },
  });
  req.on('error', () => undefined);
  req.write(head);
  req.write(Buffer.alloc(bytes, 7));
}

describe.each(appModes())('storage deletions and temp files survive a crash — %s', (_name, options) => {
  let app: TestApp;
  let config: AppConfig;
  let storage: MediaStorage;

  beforeAll(async () => {
    app = await TestApp.start({ ...options, env: { STAGE_RECOVERY_SECONDS: '2' } });
    config = app.config;
    storage = createMediaStorage(config);
  });
  afterAll(async () => {
    (storage as Partial<{ onModuleDestroy(): void }>).onModuleDestroy?.();
    await app?.close();
  });

  it('an api killed (SIGKILL) after committing deletes and mid-upload: after restart every deleted object is gone, every other stage kept, no temp file left', async () => {
    const painter = app.client();
    await painter.register('kahlo');
    const kept: Artwork = await createArtwork(painter, 'Two Fridas');
    const doomed: Artwork = await createArtwork(painter, 'The Broken Column');
    expect(
      (
        await uploadStages(painter, kept.id, [
          { body: await png(500, 400, '#aa3322'), name: 'a.png' },
          { body: await png(500, 400, '#22aa33'), name: 'b.png' },
        ])
      ).status,
    ).toBe(201);
    expect(
      (await uploadStages(painter, doomed.id, [{ body: await png(500, 400, '#3322aa'), name: 'c.png' }]))
        .status,
    ).toBe(201);
    const [keptBefore] = [await settled(painter, kept.id), await settled(painter, doomed.id)];
    const rows = app.get(DataSource).getRepository(StageEntity);
    const removed = (await rows.findOneBy({ id: keptBefore.stages[0]!.id }))!;
    const survivor = (await rows.findOneBy({ id: keptBefore.stages[1]!.id }))!;
    const keysOf = (s: StageEntity) => [s.originalKey, s.thumbKey!, s.previewKey!];
    const deletedKeys = [removed, ...(await rows.findBy({ albumId: doomed.id }))].flatMap(keysOf);
    const keptKeys = keysOf(survivor);
    expect(deletedKeys).toHaveLength(6);

    await app.pause();
    const { child, baseUrl } = await startChildApi(app.environment, HOLD_DELETES);
    try {
      const c = new TestClient(baseUrl);
      expect((await c.login('kahlo')).status).toBe(200);
      expect((await c.delete(`/api/albums/${kept.id}/stages/${removed.id}`)).status).toBe(204);
      expect((await c.delete(`/api/albums/${doomed.id}`)).status).toBe(204);
      await hangingUpload(c, `/api/albums/${kept.id}/stages`, 256 * 1024);
      await eventually(() => tempEntriesOf(child.pid!).length > 0, 10_000);
    } finally {
      await killHard(child);
    }
    // The crash came before any deletion was carried out, and left its upload's temp file.
    for (const key of deletedKeys) expect(await exists(storage, key)).toBe(true);
    expect(tempEntriesOf(child.pid!).length).toBeGreaterThan(0);

    await app.resume();
    await eventually(async () => {
      for (const key of deletedKeys) if (await exists(storage, key)) return false;
      return true;
    });
    await eventually(() => tempEntriesOf(child.pid!).length === 0);
    const outbox = app.get(DataSource).getRepository(StorageDeletionEntity);
    await eventually(async () => (await outbox.count()) === 0);
    for (const key of keptKeys) expect(await exists(storage, key)).toBe(true);
    // The restarted api listens on a new port.
    const again = app.client();
    expect((await again.login('kahlo')).status).toBe(200);
    const after = (await again.get(`/api/albums/${kept.id}`)).body as Artwork;
    expect(after.stages.map((s) => [s.id, s.status])).toEqual([[survivor.id, 'ready']]);
    expect((await again.get(`/api/albums/${doomed.id}`)).status).toBe(404);
  }, 120_000);
});
