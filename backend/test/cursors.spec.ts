import { createArtwork } from './support/artworks';
import { databaseKinds } from './support/adapters';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** Every list that pages with a cursor answers a cursor it never handed out with 400 INVALID_CURSOR. */
describe.each(databaseKinds())('list cursors — %s', (database) => {
  let app: TestApp;
  let painter: TestClient;
  let conversationId: string;
  beforeAll(async () => {
    app = await TestApp.start({ database });
    painter = app.client();
    await painter.register('pager');
    await createArtwork(painter, 'One');
    await createArtwork(painter, 'Two');
    const other = app.client();
    await other.register('friend');
    conversationId = ((await painter.post('/api/chat/direct', { username: 'friend' })).body as { id: string })
      .id;
    await painter.post(`/api/chat/conversations/${conversationId}/messages`, { body: 'hello' });
    await painter.post(`/api/chat/conversations/${conversationId}/messages`, { body: 'again' });
  });
  afterAll(() => app.close());

  const lists: [string, () => string, string][] = [
    ['explore (recent)', () => '/api/albums?limit=1', 'cursor'],
    ['explore (popular)', () => '/api/albums?sort=popular&limit=1', 'cursor'],
    ['explore (hue)', () => '/api/albums?hue=10&limit=1', 'cursor'],
    ["a painter's albums", () => '/api/users/pager/albums?limit=1', 'cursor'],
    ['favourites', () => '/api/users/me/favorites?limit=1', 'cursor'],
    ['feed', () => '/api/feed?limit=1', 'cursor'],
    ['chat history', () => `/api/chat/conversations/${conversationId}/messages?limit=1`, 'before'],
  ];

  it.each(lists)('%s: garbage cursors are 400 INVALID_CURSOR', async (_name, path, param) => {
    for (const garbage of [
      'garbage',
      'zzzz',
      '12_abc',
      '_',
      '0',
      'NaN_0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      '%00',
      'x'.repeat(300),
    ]) {
      const res = await painter.get(`${path()}&${param}=${encodeURIComponent(garbage)}`);
      expect({ garbage, status: res.status, body: res.body }).toEqual({
        garbage,
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: expect.stringMatching(/cursor/i),
          code: 'INVALID_CURSOR',
          requestId: expect.any(String),
        },
      });
    }
  });

  it.each(lists)('%s: a nextCursor it handed out still pages', async (_name, path, param) => {
    const first = await painter.get(path());
    expect(first.status).toBe(200);
    const next = (first.body as { nextCursor: string | null }).nextCursor;
    if (next === null) return;
    const second = await painter.get(`${path()}&${param}=${encodeURIComponent(next)}`);
    expect(second.status).toBe(200);
  });
});
