import { DataSource } from 'typeorm';
import { setRole } from '../src/users/set-role';
import { redisAvailable } from './support/adapters';
import { TestApp } from './support/test-app';

const withRedis = redisAvailable() ? describe : describe.skip;

withRedis('queue dashboard (Bull Board) at /api/admin/queues', () => {
  it('admins only: 401 anonymous, 403 for a painter, the board for an admin', async () => {
    const app = await TestApp.start({ database: 'sqlite', redis: true });
    try {
      expect((await app.client().get('/api/admin/queues')).status).toBe(401);
      const painter = app.client();
      await painter.register('plain');
      expect((await painter.get('/api/admin/queues')).status).toBe(403);
      expect((await painter.get('/api/admin/queues/api/queues')).status).toBe(403);
      const admin = app.client();
      await admin.register('boss');
      await setRole(app.get(DataSource), 'boss', 'admin');
      const page = await admin.get('/api/admin/queues');
      expect(page.status).toBe(200);
      const queues = await admin.get('/api/admin/queues/api/queues');
      expect(queues.status).toBe(200);
      expect(JSON.stringify(queues.body)).toContain('media');
    } finally {
      await app.close();
    }
  });

  it('is not there without Redis', async () => {
    const app = await TestApp.start({ database: 'sqlite' });
    try {
      expect((await app.client().get('/api/admin/queues')).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
