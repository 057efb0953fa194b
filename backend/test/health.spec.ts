import { appModes } from './support/modes';
import { TestApp } from './support/test-app';

describe.each(appModes())('health — %s', (_name, options) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start(options);
  });
  afterAll(() => app.close());

  it('reports database, storage (and Redis when configured) up with 200', async () => {
    const res = await app.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.storage.status).toBe('up');
    if (options.redis) expect(res.body.details.redis.status).toBe('up');
  });
});

describe('health when a dependency is down', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Redis configured but nothing listens there; embedded sessions are unaffected for the probe.
    app = await TestApp.start({
      database: 'sqlite',
      env: {
        S3_BUCKET: 'absent',
        S3_ENDPOINT: 'http://127.0.0.1:9',
        S3_ACCESS_KEY_ID: 'x',
        S3_SECRET_ACCESS_KEY: 'y',
      },
    });
  });
  afterAll(() => app.close());

  it('answers 503 naming the storage as down', async () => {
    const res = await app.client().get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body.details.storage.status).toBe('down');
    expect(res.body.details.database.status).toBe('up');
  });
});
