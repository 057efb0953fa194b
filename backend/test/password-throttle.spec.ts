import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** Guessing the current password on PUT /users/me/password is limited like sign-in. */
describe('password change rate limits', () => {
  const wrong = (i: number) => ({ currentPassword: `guess-${i}-password`, newPassword: 'a new password' });

  describe('per account', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start({
        database: 'sqlite',
        env: { RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_USERNAME: '5' },
      });
    });
    afterAll(() => app.close());

    it('answers 429 RATE_LIMITED with Retry-After after repeated wrong current passwords', async () => {
      const c = app.client();
      await c.register('guessed');
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 15; i++) {
        last = await c.put('/api/users/me/password', wrong(i));
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 5)).toEqual([403, 403, 403, 403, 403]);
      expect(statuses.slice(5)).toEqual(Array(10).fill(429));
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      expect(last!.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.stringMatching(/^too many requests, try again in \d+ seconds$/),
        code: 'RATE_LIMITED',
        requestId: expect.any(String),
      });
      // The right password waits too (that is what stops guessing), also from another session.
      const other = app.client();
      expect((await other.login('guessed')).status).toBe(200);
      const right = await other.put('/api/users/me/password', {
        currentPassword: 'correct horse',
        newPassword: 'a new password',
      });
      expect(right.status).toBe(429);
    });

    it('does not limit another account', async () => {
      const c = app.client();
      await c.register('innocent');
      expect((await c.put('/api/users/me/password', wrong(0))).status).toBe(403);
    });
  });

  describe('per address', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start({
        database: 'sqlite',
        env: { RATE_LIMIT_AUTH_PER_IP: '8', RATE_LIMIT_AUTH_PER_USERNAME: '1000' },
      });
    });
    afterAll(() => app.close());

    it('limits one address across accounts', async () => {
      const clients: TestClient[] = [];
      for (const name of ['first', 'second']) {
        const c = app.client();
        await c.register(name);
        clients.push(c);
      }
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await clients[i % 2]!.put('/api/users/me/password', wrong(i))).status);
      expect(statuses).toContain(429);
      expect(statuses.filter((s) => s !== 429 && s !== 403)).toEqual([]);
    });
  });
});
