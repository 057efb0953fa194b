import { CSRF } from '@gallery/contracts';
import { createArtwork } from './support/artworks';
import { databaseKinds } from './support/adapters';
import { connect, cookieOf } from './support/sockets';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** `[[…[1]…]]` nested `levels` deep, as raw JSON text (JSON.stringify itself would recurse). */
function nestedArrays(levels: number): string {
  return '['.repeat(levels) + '1' + ']'.repeat(levels);
}

/** `{"a":{"a":…}}` nested `levels` deep. */
function nestedObjects(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

/** Arrays nested `levels` deep as a value, built iteratively. */
function nestedValue(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

describe.each(databaseKinds())('input hardening — %s', (database) => {
  let app: TestApp;
  let painter: TestClient;
  beforeAll(async () => {
    app = await TestApp.start({ database });
    painter = app.client();
    await painter.register('hardy');
  });
  afterAll(() => app.close());

  async function rawJson(c: TestClient, method: 'post' | 'patch' | 'put', path: string, text: string) {
    const token = await c.token();
    return c.agent[method](path).set(CSRF.header, token).set('Content-Type', 'application/json').send(text);
  }

  describe('deeply nested JSON', () => {
    it.each([
      ['post', '/api/auth/register'],
      ['post', '/api/auth/login'],
      ['post', '/api/albums'],
      ['patch', '/api/users/me'],
      ['post', '/api/chat/groups'],
    ] as const)('%s %s answers 400 VALIDATION_FAILED, not 500', async (method, path) => {
      for (const body of [
        nestedArrays(2000),
        `{"title":${nestedArrays(2000)}}`,
        `{"username":"x","password":"y","usernames":${nestedArrays(2000)}}`,
        nestedObjects(2000),
        `{"name":${nestedArrays(33)}}`,
      ]) {
        const res = await rawJson(painter, method, path, body);
        expect(res.status).toBe(400);
        expect(res.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: 'request body is nested too deeply (at most 32 levels)',
          code: 'VALIDATION_FAILED',
          requestId: expect.any(String),
        });
      }
    });

    it('accepts ordinary nesting', async () => {
      const res = await rawJson(painter, 'post', '/api/albums', JSON.stringify({ title: 'Shallow' }));
      expect(res.status).toBe(201);
    });

    it('answers a deep socket payload with a VALIDATION_FAILED ack and keeps the socket', async () => {
      const socket = await connect(app, cookieOf(painter));
      const deep = nestedValue(2000);
      for (const event of ['album:watch', 'chat:send', 'chat:typing', 'chat:read'] as const) {
        for (const payload of [deep, { albumId: deep, conversationId: deep, body: deep, messageId: deep }]) {
          const ack = await socket.timeout(3000).emitWithAck(event, payload as never);
          expect(ack).toEqual({
            ok: false,
            error: 'request body is nested too deeply (at most 32 levels)',
            code: 'VALIDATION_FAILED',
          });
        }
      }
      expect(socket.connected).toBe(true);
      socket.disconnect();
    });
  });

  describe('__proto__ and constructor keys are refused like any unknown field', () => {
    const cases: [string, 'post' | 'patch' | 'put', string, () => Promise<string>][] = [
      [
        'register',
        'post',
        '/api/auth/register',
        async () => '{"username":"protouser","password":"correct horse"',
      ],
      ['login', 'post', '/api/auth/login', async () => '{"username":"hardy","password":"correct horse"'],
      ['create album', 'post', '/api/albums', async () => '{"title":"Proto"'],
      ['edit profile', 'patch', '/api/users/me', async () => '{"bio":"proto"'],
      ['create group', 'post', '/api/chat/groups', async () => '{"name":"Proto","usernames":[]'],
    ];
    it.each(cases)('%s: top-level keys', async (_name, method, path, start) => {
      for (const key of ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']) {
        const res = await rawJson(painter, method, path, `${await start()},"${key}":{"isAdmin":true}}`);
        expect({ key, status: res.status, code: res.body.code }).toEqual({
          key,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(res.body.message).toEqual(expect.arrayContaining([`property ${key} should not exist`]));
      }
    });

    it('nested keys too (inside arrays and objects)', async () => {
      const res = await rawJson(
        painter,
        'post',
        '/api/chat/groups',
        '{"name":"Proto","usernames":[{"__proto__":{"x":1}}]}',
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('in a query string', async () => {
      const res = await painter.get('/api/albums?__proto__=1');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('in socket payloads', async () => {
      const album = await createArtwork(painter, 'Watched');
      const socket = await connect(app, cookieOf(painter));
      for (const key of ['__proto__', 'constructor']) {
        const payload = JSON.parse(`{"albumId":"${album.id}","${key}":{"x":1}}`) as { albumId: string };
        const ack = await socket.timeout(3000).emitWithAck('album:watch', payload);
        expect(ack).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      }
      expect(await socket.timeout(3000).emitWithAck('album:watch', { albumId: album.id })).toEqual({
        ok: true,
      });
      socket.disconnect();
    });
  });
});
