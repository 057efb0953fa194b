import { appModes } from './support/modes';
import { connect, cookieOf, disconnectAll, refusal, type ClientSocket } from './support/sockets';
import { TestApp } from './support/test-app';

const closed = (socket: ClientSocket) =>
  new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe.each(appModes())('live connections follow the session — %s', (_name, options) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start(options);
  });
  afterEach(() => disconnectAll());
  afterAll(() => app.close());

  it('signing out closes the live connection, and the old cookie cannot open a new one', async () => {
    const c = app.client();
    await c.register('leaver');
    const cookie = cookieOf(c);
    const socket = await connect(app, cookie);
    const reason = closed(socket);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect(await reason).toBe('io server disconnect');
    expect(await refusal(app, cookie)).toBe('unauthorized');
  });

  it("changing the password closes the other sessions' connections for good", async () => {
    const here = app.client();
    await here.register('rotator');
    const elsewhere = app.client();
    await elsewhere.login('rotator');
    const stale = await connect(app, cookieOf(elsewhere));
    const reason = closed(stale);
    const res = await here.put('/api/users/me/password', {
      currentPassword: 'correct horse',
      newPassword: 'battery staple',
    });
    expect(res.status).toBe(204);
    expect(await reason).toBe('io server disconnect');
    expect(await refusal(app, cookieOf(elsewhere))).toBe('unauthorized');
    await connect(app, cookieOf(here));
  });
});
