import { createArtwork } from './support/artworks';
import { redisAvailable } from './support/adapters';
import { TestApp } from './support/test-app';

/** The value of a sample line `name{labels} value` whose labels include every `want`. */
function sample(text: string, name: string, want: Record<string, string>): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (Object.entries(want).every(([k, v]) => line.includes(`${k}="${v}"`)))
      return Number(line.split(' ').pop());
  }
  return 0;
}

describe('/api/metrics', () => {
  it('answers 404 when METRICS_TOKEN is not configured', async () => {
    const app = await TestApp.start({ database: 'sqlite' });
    try {
      expect((await app.client().get('/api/metrics')).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  const withRedis = redisAvailable() ? it : it.skip;
  withRedis(
    'refuses a scrape without the token; after traffic the counters moved (route patterns, queue gauges)',
    async () => {
      const app = await TestApp.start({
        database: 'sqlite',
        redis: true,
        env: { METRICS_TOKEN: 'scrape-me-please' },
      });
      try {
        const anonymous = app.client();
        expect((await anonymous.get('/api/metrics')).status).toBe(401);
        expect((await anonymous.get('/api/metrics').set('Authorization', 'Bearer wrong')).status).toBe(401);
        const scrape = async () => {
          const res = await anonymous.get('/api/metrics').set('Authorization', 'Bearer scrape-me-please');
          expect(res.status).toBe(200);
          return res.text;
        };
        const painter = app.client();
        await painter.register('measured');
        const album = await createArtwork(painter);
        const before = await scrape();
        const route = { route: '/api/albums/:id', status: '200' };
        const n = sample(before, 'gallery_http_request_duration_seconds_count', route);
        for (let i = 0; i < 3; i++) await anonymous.get(`/api/albums/${album.id}`);
        const after = await scrape();
        expect(sample(after, 'gallery_http_request_duration_seconds_count', route)).toBe(n + 3);
        expect(after).not.toContain(album.id);
        expect(after).toMatch(/gallery_queue_jobs\{state="waiting"\}/);
        expect(after).toMatch(/gallery_sockets_connected \d+/);
        expect(after).toMatch(/gallery_nodejs_eventloop_lag_seconds/);
        expect(after).toMatch(/gallery_nodejs_heap_size_used_bytes/);
      } finally {
        await app.close();
      }
    },
  );
});
