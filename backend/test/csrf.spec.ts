import { CSRF } from '@gallery/contracts';
import request from 'supertest';
import { cookieOf } from './support/sockets';
import { TestApp } from './support/test-app';

/** XSRF tokens are signed and bound to the session (OWASP signed double-submit cookie). */
describe('CSRF tokens bound to the session', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ database: 'sqlite' });
  });
  afterAll(() => app.close());

  const refused = {
    statusCode: 403,
    error: 'Forbidden',
    message: 'missing or wrong X-XSRF-TOKEN header',
    code: 'CSRF',
    requestId: expect.any(String),
  };

  /** The cookies of a client with its XSRF-TOKEN replaced by `token`. */
  function withToken(cookie: string, token: string): string {
    return cookie
      .split('; ')
      .filter((c) => !c.startsWith(`${CSRF.cookie}=`))
      .concat(`${CSRF.cookie}=${encodeURIComponent(token)}`)
      .join('; ');
  }

  it('refuses a planted cookie echoed in the header, signed in or not', async () => {
    const planted = 'planted-token-planted-token';
    const anonymous = await request(app.baseUrl)
      .post('/api/auth/register')
      .set('Cookie', `${CSRF.cookie}=${planted}`)
      .set(CSRF.header, planted)
      .send({ username: 'planted', password: 'correct horse' });
    expect(anonymous.status).toBe(403);
    expect(anonymous.body).toEqual(refused);

    const victim = app.client();
    await victim.register('victim');
    const res = await request(app.baseUrl)
      .post('/api/albums')
      .set('Cookie', withToken(cookieOf(victim), planted))
      .set(CSRF.header, planted)
      .send({ title: 'Forged' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(refused);
  });

  it("refuses a token minted for another session (the attacker's own)", async () => {
    const victim = app.client();
    await victim.register('victim2');
    const attacker = app.client();
    await attacker.register('attacker');
    const attackerToken = await attacker.token();
    const res = await request(app.baseUrl)
      .post('/api/albums')
      .set('Cookie', withToken(cookieOf(victim), attackerToken))
      .set(CSRF.header, attackerToken)
      .send({ title: 'Forged' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(refused);
    // The victim's own token works.
    expect((await victim.post('/api/albums', { title: 'Mine' })).status).toBe(201);
  });

  it('issues a new token when the session changes (sign-in, sign-out), and the old one stops working', async () => {
    const c = app.client();
    const anonymousToken = await c.token();
    await c.register('rotator');
    const signedInToken = await c.token();
    expect(signedInToken).not.toBe(anonymousToken);
    const stale = await c.agent.post('/api/albums').set(CSRF.header, anonymousToken).send({ title: 'Stale' });
    expect(stale.status).toBe(403);
    expect((await c.post('/api/albums', { title: 'Fresh' })).status).toBe(201);

    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const afterLogout = await c.token();
    expect(afterLogout).not.toBe(signedInToken);
    expect((await c.login('rotator')).status).toBe(200);
    const again = await c.token();
    expect(again).not.toBe(signedInToken);
    expect((await c.post('/api/albums', { title: 'Again' })).status).toBe(201);
    const old = await c.agent.post('/api/albums').set(CSRF.header, signedInToken).send({ title: 'Old' });
    expect(old.status).toBe(403);
  });

  it('keeps the cookie readable by the web app (not HttpOnly) under the same name', async () => {
    const res = await request(app.baseUrl).get('/api/health');
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith(`${CSRF.cookie}=`));
    expect(cookie).toBeDefined();
    expect(cookie).not.toMatch(/HttpOnly/i);
  });
});
