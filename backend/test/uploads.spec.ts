import { DataSource } from 'typeorm';
import { createArtwork, uploadStages } from './support/artworks';
import { databaseKinds } from './support/adapters';
import { png } from './support/images';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

const NAMES = ['café.txt', '日本語メモ.txt'];

describe.each(databaseKinds())('upload hardening — %s', (database) => {
  let app: TestApp;
  let painter: TestClient;
  let conversationId: string;
  beforeAll(async () => {
    app = await TestApp.start({ database });
    painter = app.client();
    await painter.register('uploader');
    await app.client().register('receiver');
    conversationId = (
      (await painter.post('/api/chat/direct', { username: 'receiver' })).body as { id: string }
    ).id;
  });
  afterAll(() => app.close());

  async function rowCount(table: string): Promise<number> {
    const rows = (await app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number }[];
    return Number(rows[0]!.n);
  }

  describe('non-ASCII file names arrive as sent (UTF-8)', () => {
    it.each(NAMES)('chat attachment %s', async (name) => {
      const res = await painter.upload(
        'post',
        `/api/chat/conversations/${conversationId}/attachments`,
        'file',
        [{ body: Buffer.from('hello\n'), name }],
      );
      expect(res.status).toBe(201);
      expect(res.body.attachment.name).toBe(name);
    });

    it.each(['café.png', '日本語メモ.png'])('stage original %s', async (name) => {
      const album = await createArtwork(painter, `Names ${name}`);
      const res = await uploadStages(painter, album.id, [{ body: await png(40, 30, '#123456'), name }]);
      expect(res.status).toBe(201);
      const rows = (await app
        .get(DataSource)
        .query(
          'SELECT "originalName" AS n FROM stages WHERE "albumId" = ?'.replace(
            /"/g,
            database === 'mysql' ? '`' : '"',
          ),
          [album.id],
        )) as { n: string }[];
      expect(rows.map((r) => r.n)).toEqual([name]);
    });
  });

  describe('zero-byte files are a 400 EMPTY_FILE, and nothing is stored', () => {
    const empty = (name: string) => [{ body: Buffer.alloc(0), name }];
    const expected = {
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/empty/),
      code: 'EMPTY_FILE',
      requestId: expect.any(String),
    };

    it('avatar', async () => {
      const res = await painter.upload('put', '/api/users/me/avatar', 'file', empty('me.png'));
      expect(res.status).toBe(400);
      expect(res.body).toEqual(expected);
    });

    it('stage upload (alone and among other files)', async () => {
      const album = await createArtwork(painter, 'Empty stages');
      const alone = await uploadStages(painter, album.id, empty('blank.png'));
      expect(alone.status).toBe(400);
      expect(alone.body).toEqual(expected);
      const mixed = await uploadStages(painter, album.id, [
        { body: await png(40, 30, '#654321'), name: 'fine.png' },
        ...empty('blank.png'),
      ]);
      expect(mixed.status).toBe(400);
      expect(mixed.body).toEqual(expected);
      const rows = (await app
        .get(DataSource)
        .query(
          database === 'mysql'
            ? 'SELECT id FROM stages WHERE albumId = ?'
            : 'SELECT id FROM stages WHERE "albumId" = ?',
          [album.id],
        )) as unknown[];
      expect(rows).toHaveLength(0);
    });

    it('chat attachment', async () => {
      const before = await rowCount('messages');
      const res = await painter.upload(
        'post',
        `/api/chat/conversations/${conversationId}/attachments`,
        'file',
        empty('nothing.txt'),
      );
      expect(res.status).toBe(400);
      expect(res.body).toEqual(expected);
      expect(await rowCount('messages')).toBe(before);
    });
  });
});
