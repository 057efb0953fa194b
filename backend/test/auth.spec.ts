import { SESSION_COOKIE } from '@gallery/contracts';
import * as argon2 from 'argon2';
import { appModes } from './support/modes';
import { TestApp } from './support/test-app';

// The real argon2, with verify wrapped so a test can count password checks (imports bind their
// own copy of a module's functions, so a spy set later would not be seen by the app).
jest.mock('argon2', () => {
  const actual = jest.requireActual<typeof argon2>('argon2');
  return { ...actual, verify: jest.fn(actual.verify) };
});

const sessionCookieOf = (res: { headers: Record<string, unknown> }) =>
  ([] as string[])
    .concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));

describe.each(appModes())('accounts — %s', (_name, options) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start(options);
  });
  afterAll(() => app.close());

  /** The account exists iff its public profile does. */
  const exists = async (username: string) =>
    (await app.client().get(`/api/users/${username}`)).status === 200;

  describe('register', () => {
    it('creates the account, lower-cases the name and signs in', async () => {
      const c = app.client();
      const res = await c.post('/api/auth/register', { username: 'Clara_M', password: 'brushes-and-oil' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        username: 'clara_m',
        displayName: 'clara_m',
        role: 'user',
        bio: '',
        avatarUrl: null,
      });
      const cookie = sessionCookieOf(res);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i);
      expect((await c.get('/api/auth/me')).body.username).toBe('clara_m');
    });

    it.each([
      [
        'a 7-character password',
        { username: 'short_pw', password: '1234567' },
        'password must be 8 to 128 characters',
      ],
      [
        'a 129-character password',
        { username: 'long_pw', password: 'x'.repeat(129) },
        'password must be 8 to 128 characters',
      ],
      [
        'spaces and punctuation',
        { username: 'bad name!', password: 'long enough' },
        'username may contain only letters a–z, digits and underscores',
      ],
      [
        'a 2-character name',
        { username: 'ab', password: 'long enough' },
        'username must be 3 to 30 characters',
      ],
      [
        'a 31-character name',
        { username: 'a'.repeat(31), password: 'long enough' },
        'username must be 3 to 30 characters',
      ],
      [
        'a 61-character display name',
        { username: 'long_dn', password: 'long enough', displayName: 'd'.repeat(61) },
        'displayName must be at most 60 characters',
      ],
      [
        'an unknown field',
        { username: 'extra_f', password: 'long enough', role: 'admin' },
        'property role should not exist',
      ],
    ])('refuses %s with 400 and creates nothing', async (_what, body, message) => {
      const res = await app.client().post('/api/auth/register', body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([message]),
        code: 'VALIDATION_FAILED',
      });
      expect(await exists(String(body.username).toLowerCase())).toBe(false);
    });

    it('answers 409 for a taken name, also in another case, and keeps the first account', async () => {
      await app.client().register('anna', 'first password');
      for (const username of ['anna', 'Anna', 'ANNA']) {
        const res = await app.client().post('/api/auth/register', { username, password: 'second password' });
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({
          statusCode: 409,
          error: 'Conflict',
          message: 'username is taken',
          code: 'USERNAME_TAKEN',
        });
      }
      expect((await app.client().login('anna', 'first password')).status).toBe(200);
      expect((await app.client().login('anna', 'second password')).status).toBe(401);
    });

    it('refuses a write without the X-XSRF-TOKEN header with 403 and creates nothing', async () => {
      const c = app.client();
      await c.token();
      const res = await c.agent
        .post('/api/auth/register')
        .send({ username: 'no_csrf', password: 'long enough' });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        statusCode: 403,
        error: 'Forbidden',
        message: 'missing or wrong X-XSRF-TOKEN header',
        code: 'CSRF',
      });
      const wrong = await c.agent
        .post('/api/auth/register')
        .set('X-XSRF-TOKEN', 'guess')
        .send({ username: 'no_csrf', password: 'long enough' });
      expect(wrong.status).toBe(403);
      expect(await exists('no_csrf')).toBe(false);
    });

    it('refuses an oversized body with 413 and creates nothing', async () => {
      const res = await app.client().post('/api/auth/register', {
        username: 'big_body',
        password: 'long enough',
        displayName: 'x'.repeat(200_000),
      });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      expect(await exists('big_body')).toBe(false);
    });

    it('refuses malformed JSON with 400', async () => {
      const c = app.client();
      const res = await c.agent
        .post('/api/auth/register')
        .set('X-XSRF-TOKEN', await c.token())
        .set('Content-Type', 'application/json')
        .send('{"username":');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });
  });

  describe('login and logout', () => {
    beforeAll(() => app.client().register('berthe', 'water lilies'));

    it('signs in with any case of the name', async () => {
      const c = app.client();
      const res = await c.login('BERTHE', 'water lilies');
      expect(res.status).toBe(200);
      expect(res.body.username).toBe('berthe');
      expect((await c.get('/api/auth/me')).status).toBe(200);
    });

    it('gives a wrong password and an unknown user the same 401, after the same password check', async () => {
      const wrong = await app.client().login('berthe', 'wrong password');
      const unknown = await app.client().login('nobody_here', 'wrong password');
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({
          statusCode: 401,
          error: 'Unauthorized',
          message: 'wrong username or password',
          code: 'INVALID_CREDENTIALS',
        });
        expect(sessionCookieOf(res)).toBeUndefined();
      }
      // Same work either way, so usernames cannot be probed by timing: an unknown user's password
      // is checked against a dummy hash. Counted rather than timed (a timed test flakes on a busy machine).
      const verify = jest.mocked(argon2.verify);
      const verifiesFor = async (username: string) => {
        verify.mockClear();
        const c = app.client();
        await c.token();
        for (let i = 0; i < 3; i++) await c.login(username, 'wrong password');
        return verify.mock.calls.length;
      };
      expect(await verifiesFor('berthe')).toBe(3);
      expect(await verifiesFor('nobody_here')).toBe(3);
    });

    it('refuses unknown fields and missing fields with 400 before checking credentials', async () => {
      expect(
        (
          await app
            .client()
            .post('/api/auth/login', { username: 'berthe', password: 'water lilies', admin: true })
        ).status,
      ).toBe(400);
      const res = await app.client().post('/api/auth/login', { username: 'berthe' });
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/password/)]));
    });

    it('keeps a browser-session cookie unless asked to remember for 30 days', async () => {
      const plain = sessionCookieOf(await app.client().login('berthe', 'water lilies'));
      expect(plain).not.toMatch(/Expires=/i);
      const remembered = sessionCookieOf(await app.client().login('berthe', 'water lilies', true));
      const expires = new Date(/Expires=([^;]+)/i.exec(remembered!)![1]!).getTime();
      expect(expires - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    });

    it('signs out: the session is gone server-side, even for a copied cookie', async () => {
      const c = app.client();
      const cookie = sessionCookieOf(await c.login('berthe', 'water lilies'))!.split(';')[0]!;
      expect((await c.post('/api/auth/logout')).status).toBe(204);
      expect((await c.get('/api/auth/me')).status).toBe(401);
      const replay = await app.client().agent.get('/api/auth/me').set('Cookie', cookie);
      expect(replay.status).toBe(401);
      expect(replay.body).toMatchObject({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'sign in first',
        code: 'UNAUTHENTICATED',
      });
    });

    it('keeps sessions across an api restart', async () => {
      const cookie = sessionCookieOf(await app.client().login('berthe', 'water lilies'))!.split(';')[0]!;
      await app.restart();
      const res = await app.client().agent.get('/api/auth/me').set('Cookie', cookie);
      expect(res.status).toBe(200);
      expect(res.body.username).toBe('berthe');
    });
  });
});

describe('sign-in rate limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({
      database: 'sqlite',
      env: { RATE_LIMIT_AUTH_PER_IP: '15', RATE_LIMIT_AUTH_PER_USERNAME: '5' },
    });
    await app.client().register('target');
  });
  afterAll(() => app.close());

  it('answers 429 with Retry-After after a flood of logins for one username', async () => {
    const c = app.client();
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 7; i++) {
      last = await c.login('target', `guess-${i}-password`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^too many requests, try again in \d+ seconds$/),
      code: 'RATE_LIMITED',
    });
    // Even the right password waits: that is what stops guessing.
    expect((await app.client().login('target')).status).toBe(429);
  });

  it('limits one address across usernames too', async () => {
    const c = app.client();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await c.login(`someone_${i}`, 'password1')).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 429 && s !== 401)).toEqual([]);
  });
});
