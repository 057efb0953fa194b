import { ApiExceptionFilter } from '../src/common/api-exception.filter';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

import { AppConfig } from '../src/config/app-config';
import { MediaStorage } from '../src/storage/media-storage';
import { StorageModule } from '../src/storage/storage.module';

/** Stands in for the app's global config module: StorageModule reads AppConfig by class token. */
function configModule(dir: string) {
  const config = Object.assign(new AppConfig(), { storage: { kind: 'local', dir } });
  return {
    module: class TestConfigModule {},
    global: true,
    providers: [{ provide: AppConfig, useValue: config }],
    exports: [AppConfig],
  };
}

describe('GET /api/media/*key', () => {
  let dir: string;
  let app: INestApplication;
  let storage: MediaStorage;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gallery-media-route-'));
    const moduleRef = await Test.createTestingModule({
      imports: [configModule(dir), StorageModule],
    }).compile();
    app = moduleRef.createNestApplication();
    app.setGlobalPrefix('api');
    // The app's own error shape, as in production (configureApp installs the same filter).
    app.useGlobalFilters(new ApiExceptionFilter());
    await app.init();
    storage = app.get(MediaStorage);
  });

  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a stored image inline with its type, an immutable cache header and the exact bytes', async () => {
    const bytes = randomBytes(5000);
    await storage.put('stages/s1/preview.webp', bytes, 'image/webp');

    const response = await request(app.getHttpServer()).get('/api/media/stages/s1/preview.webp').buffer(true);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/webp');
    expect(response.headers['content-length']).toBe('5000');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(Buffer.compare(response.body as Buffer, bytes)).toBe(0);
  });

  it.each([
    ['chat/c1/notes.txt', 'text/plain; charset=utf-8'],
    ['chat/c1/bundle.zip', 'application/zip'],
    ['chat/c1/unknown.svg', 'application/octet-stream'],
  ])('sends %s as an attachment (%s)', async (key, type) => {
    await storage.put(key, Buffer.from('<script>alert(1)</script>'), 'text/plain');

    const response = await request(app.getHttpServer()).get(`/api/media/${key}`);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['content-disposition']).toBe('attachment');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 404 with the error body for a missing key', async () => {
    const response = await request(app.getHttpServer()).get('/api/media/stages/none/preview.webp');

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      message: 'Media not found',
      code: 'NOT_FOUND',
    });
  });

  it.each([
    ['a parent segment', '/api/media/../x'],
    ['an encoded parent segment', '/api/media/%2e%2e/%2e%2e/etc/passwd'],
    ['an encoded slash hiding a parent', '/api/media/stages%2F..%2F..%2Fsecret.webp'],
    ['an encoded backslash', '/api/media/stages%5C..%5Csecret.webp'],
    ['a hidden segment', '/api/media/stages/.tmp-file'],
    ['an empty segment', '/api/media/stages//x.webp'],
  ])('answers 404 for %s', async (_label, path) => {
    const response = await request(app.getHttpServer()).get(path);

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      message: 'Media not found',
      code: 'NOT_FOUND',
    });
  });

  it('answers 404 for the bare prefix', async () => {
    const response = await request(app.getHttpServer()).get('/api/media/');

    expect(response.status).toBe(404);
  });
});
