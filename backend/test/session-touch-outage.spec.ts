import { CSRF } from '@gallery/contracts';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArtwork } from './support/artworks';
import { killHard, startChildApi } from './support/child-api';
import { png } from './support/images';
import { PrivateRedis } from './support/private-redis';
import { cookieOf } from './support/sockets';
import { TestClient } from './support/test-client';

// Issue #13 (the scale bench): with Redis gone while a signed-in request was being handled, the
// session's rolling touch failed after the answer had been sent; express-session hands that error
// to the middleware's next() a tick later, the outage handler tried to answer 503 on a finished
// response, and ERR_HTTP_HEADERS_SENT ended the api process (both apis of the bench at once).
describe('a signed-in request answered while Redis goes away (built api, private Redis)', () => {
  let redis: PrivateRedis;
  let dataDir: string;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    dataDir = await mkdtemp(join(tmpdir(), 'gallery-touch-outage-'));
  });
  afterAll(async () => {
    await redis.kill();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('the api keeps running: the touch that fails after the answer is dropped', async () => {
    const { child, baseUrl } = await startChildApi({
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      S3_BUCKET: '',
    });
    try {
      const painter = new TestClient(baseUrl);
      await painter.register('late_touch');
      const album = await createArtwork(painter, 'Interrupted');
      const image = await png(64, 48);
      const boundary = 'gallery-touch-outage';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="s.png"\r\nContent-Type: image/png\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const { hostname, port } = new URL(baseUrl);
      const token = await painter.token();
      const answered = new Promise<IncomingMessage>((resolve, reject) => {
        const req = httpRequest(
          {
            hostname,
            port,
            method: 'POST',
            path: `/api/albums/${album.id}/stages`,
            headers: {
              cookie: cookieOf(painter),
              [CSRF.header]: token,
              'content-type': `multipart/form-data; boundary=${boundary}`,
              'content-length': String(head.length + image.length + tail.length),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res));
          },
        );
        req.on('error', reject);
        // The session is read (Redis up) as soon as the headers arrive; the body comes after
        // Redis is gone, so the answer and the session touch meet the outage.
        req.write(head);
        void new Promise((r) => setTimeout(r, 500))
          .then(() => redis.kill())
          .then(() => req.end(Buffer.concat([image, tail])));
      });
      const res = await answered;
      expect(res.statusCode).toBeLessThan(600);
      // express-session reports the failed touch on the next tick: give it time to (not) crash.
      await new Promise((r) => setTimeout(r, 1500));
      expect({ exitCode: child.exitCode, signal: child.signalCode }).toEqual({
        exitCode: null,
        signal: null,
      });
      await redis.restart();
      let health = 0;
      for (let i = 0; i < 50 && health !== 200; i++) {
        health = await fetch(`${baseUrl}/api/health`).then(
          (r) => r.status,
          () => 0,
        );
        if (health !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(health).toBe(200);
    } finally {
      await killHard(child);
    }
  }, 60_000);
});
