import { DataSource } from 'typeorm';
import { setRole } from '../src/users/set-role';
import { appModes } from './support/modes';
import { TestApp } from './support/test-app';

describe.each(appModes())('admin role — %s', (_name, options) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start(options);
  });
  afterAll(() => app.close());

  it('make-admin promotes a user (any case of the name), who then sees role admin', async () => {
    const c = app.client();
    await c.register('curator');
    expect(await setRole(app.get(DataSource), 'CURATOR', 'admin')).toBe(true);
    expect((await c.get('/api/auth/me')).body.role).toBe('admin');
    expect(await setRole(app.get(DataSource), 'nobody', 'admin')).toBe(false);
  });
});
