import { LIMITS } from '@gallery/contracts';
import sharp from 'sharp';
import { goneSoon } from './support/artworks';
import { jpegWithGps, png } from './support/images';
import { appModes } from './support/modes';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

describe.each(appModes())('profiles — %s', (_name, options) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start(options);
  });
  afterAll(() => app.close());

  async function painter(username: string): Promise<TestClient> {
    const c = app.client();
    await c.register(username, 'correct horse', username.toUpperCase());
    return c;
  }

  it('shows a public profile to anyone, 404 for an unknown name', async () => {
    await painter('frida');
    const res = await app.client().get('/api/users/FRIDA');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.any(String),
      username: 'frida',
      displayName: 'FRIDA',
      avatarUrl: null,
      bio: '',
      createdAt: expect.any(String),
      albumCount: 0,
      followerCount: 0,
      followingCount: 0,
      followedByMe: false,
    });
    const missing = await app.client().get('/api/users/nobody');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      message: 'no painter by that name',
      code: 'USER_NOT_FOUND',
    });
  });

  it('edits display name and bio; the profile shows them', async () => {
    const c = await painter('georgia');
    const res = await c.patch('/api/users/me', { displayName: '  Georgia O.  ', bio: 'Flowers.\nDeserts.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: 'Georgia O.', bio: 'Flowers.\nDeserts.' });
    expect((await app.client().get('/api/users/georgia')).body).toMatchObject({
      displayName: 'Georgia O.',
      bio: 'Flowers.\nDeserts.',
    });
  });

  it.each([
    ['a 501-character bio', { bio: 'b'.repeat(501) }, 'bio must be at most 500 characters'],
    ['an empty display name', { displayName: '   ' }, 'displayName must be 1 to 60 characters'],
    ['a role', { role: 'admin' }, 'property role should not exist'],
    [
      'a username with a dot',
      { username: 'h.m' },
      'username may contain only letters a–z, digits and underscores',
    ],
  ])('refuses %s with 400 and changes nothing', async (_what, body, message) => {
    const c = await painter(`edit_${Math.random().toString(36).slice(2, 8)}`);
    const before = (await c.get('/api/auth/me')).body;
    const res = await c.patch('/api/users/me', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(expect.arrayContaining([message]));
    expect((await c.get('/api/auth/me')).body).toEqual(before);
  });

  it('refuses edits when signed out with 401', async () => {
    const res = await app.client().patch('/api/users/me', { bio: 'x' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'sign in first',
      code: 'UNAUTHENTICATED',
    });
  });

  it('changes the username: the old name stops working, a taken one (any case) is 409', async () => {
    const c = await painter('henri');
    await painter('matisse');
    const taken = await c.patch('/api/users/me', { username: 'Matisse' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      message: 'username is taken',
      code: 'USERNAME_TAKEN',
    });
    expect((await c.get('/api/auth/me')).body.username).toBe('henri');

    const res = await c.patch('/api/users/me', { username: 'Henri_M' });
    expect(res.status).toBe(200);
    expect(res.body.username).toBe('henri_m');
    expect((await app.client().get('/api/users/henri')).status).toBe(404);
    expect((await app.client().get('/api/users/henri_m')).status).toBe(200);
    expect((await app.client().login('henri_m')).status).toBe(200);
    expect((await app.client().login('henri')).status).toBe(401);
  });

  it('changes the password and signs out the other sessions only', async () => {
    const here = await painter('kahlo');
    const elsewhere = app.client();
    await elsewhere.login('kahlo');
    const res = await here.put('/api/users/me/password', {
      currentPassword: 'correct horse',
      newPassword: 'battery staple',
    });
    expect(res.status).toBe(204);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect((await app.client().login('kahlo', 'correct horse')).status).toBe(401);
    expect((await app.client().login('kahlo', 'battery staple')).status).toBe(200);
  });

  it('refuses a wrong current password with 403 and a short new one with 400, keeping the old', async () => {
    const c = await painter('lempicka');
    const wrong = await c.put('/api/users/me/password', {
      currentPassword: 'not it at all',
      newPassword: 'battery staple',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      message: 'current password is wrong',
      code: 'WRONG_PASSWORD',
    });
    const short = await c.put('/api/users/me/password', {
      currentPassword: 'correct horse',
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect((await app.client().login('lempicka', 'correct horse')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });

  describe('avatar', () => {
    it('stores a 256 px square WebP without metadata, and deletes the previous one', async () => {
      const c = await painter('monet');
      const first = await c.upload('put', '/api/users/me/avatar', 'file', [
        { body: await jpegWithGps(), name: 'me.jpg' },
      ]);
      expect(first.status).toBe(200);
      const firstUrl = first.body.avatarUrl as string;
      expect(firstUrl).toMatch(/\.webp$/);
      const img = await c
        .get(firstUrl)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(img.status).toBe(200);
      expect(img.headers['content-type']).toBe('image/webp');
      const meta = await sharp(img.body as Buffer).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 256]);
      expect(meta.exif).toBeUndefined();
      expect((await app.client().get('/api/users/monet')).body.avatarUrl).toBe(firstUrl);

      const second = await c.upload('put', '/api/users/me/avatar', 'file', [
        { body: await png(300, 900), name: 'tall.png' },
      ]);
      expect(second.status).toBe(200);
      expect(second.body.avatarUrl).not.toBe(firstUrl);
      // The old file goes through the deletion outbox: gone within moments, not necessarily at once.
      expect(await goneSoon(c, firstUrl)).toBe(true);
    });

    it('refuses a text file named .png with 415 and keeps the avatar', async () => {
      const c = await painter('renoir');
      const ok = await c.upload('put', '/api/users/me/avatar', 'file', [
        { body: await png(), name: 'a.png' },
      ]);
      const res = await c.upload('put', '/api/users/me/avatar', 'file', [
        { body: Buffer.from('hello, not an image'), name: 'evil.png' },
      ]);
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'file is not a supported image (JPEG, PNG, WebP, AVIF, GIF, TIFF)',
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
      expect((await c.get('/api/auth/me')).body.avatarUrl).toBe(ok.body.avatarUrl);
    });

    it('refuses a missing file with 400, an oversized one with 413, and anyone signed out with 401', async () => {
      const c = await painter('seurat');
      const none = await c.put('/api/users/me/avatar');
      expect(none.status).toBe(400);
      expect(none.body.message).toBe('file is required');
      const big = await c.upload('put', '/api/users/me/avatar', 'file', [
        { body: Buffer.alloc(LIMITS.avatarBytes + 1), name: 'big.png' },
      ]);
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      expect((await c.get('/api/auth/me')).body.avatarUrl).toBeNull();
      const anon = await app
        .client()
        .upload('put', '/api/users/me/avatar', 'file', [{ body: await png(), name: 'a.png' }]);
      expect(anon.status).toBe(401);
    });
  });
});
