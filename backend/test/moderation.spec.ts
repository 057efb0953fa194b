import type {
  Artwork,
  AdminStats,
  AuditEntry,
  Comment,
  Conversation,
  Message,
  NotificationPage,
  Page,
  ReportQueueItem,
} from '@gallery/contracts';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { JobQueue } from '../src/queue/job-queue';
import { MEDIA_QUEUE } from '../src/queue/jobs';
import { setRole } from '../src/users/set-role';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { databaseKinds, redisAvailable } from './support/adapters';
import { appModes } from './support/modes';
import { connect, cookieOf, disconnectAll, eventsDuring, nextEvent } from './support/sockets';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** Notifications are written once the resolution commits: poll briefly for them. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The admin's actions, each seen from another viewer's side: what disappears, for whom, and that
 * undoing it restores exactly what was there; every admin route guarded by role.
 */
describe.each(appModes())('moderation — %s', (_name, options) => {
  let app: TestApp;
  let admin: TestClient;
  let ada: TestClient; // painter
  let ben: TestClient; // viewer, reporter
  let anon: TestClient;
  const ids = { album: '', stage: '', ada: '', ben: '' };

  beforeAll(async () => {
    app = await TestApp.start(options);
    [admin, ada, ben, anon] = [app.client(), app.client(), app.client(), app.client()];
    await admin.register('root');
    await setRole(app.get(DataSource), 'root', 'admin');
    ids.ada = (await ada.register('ada', 'correct horse', 'Ada Lovelace')).id;
    ids.ben = (await ben.register('ben')).id;
    ids.album = (await createArtwork(ada, 'Harbour vermilion')).id;
    await uploadStages(ada, ids.album, [{ body: await png(600, 400, '#c0392b'), name: 'a.png' }]);
    ids.stage = (await settled(ada, ids.album)).stages[0]!.id;
    expect((await ben.put(`/api/users/ada/follow`)).status).toBe(200);
    expect((await ben.put(`/api/albums/${ids.album}/favorite`)).status).toBe(200);
  });
  afterEach(() => disconnectAll());
  afterAll(() => app.close());

  /** Every place a viewer can come across the artwork; true where it shows. */
  async function whereSeen(c: TestClient, albumId: string): Promise<Record<string, boolean>> {
    const has = (items?: { id: string }[]) => !!items?.some((i) => i.id === albumId);
    const [page, explore, popular, search, painter, favorites, feed, hue] = await Promise.all([
      c.get(`/api/albums/${albumId}`),
      c.get('/api/albums?sort=recent'),
      c.get('/api/albums?sort=popular'),
      c.get('/api/search?q=vermilion'),
      c.get('/api/users/ada/albums'),
      c.get('/api/users/me/favorites'),
      c.get('/api/feed'),
      c.get('/api/albums?hue=4'),
    ]);
    return {
      page: page.status === 200,
      explore: has(explore.body.items),
      popular: has(popular.body.items),
      search: has(search.body.albums),
      painter: has(painter.body.items),
      favorites: favorites.status === 200 && has(favorites.body.items),
      feed: feed.status === 200 && has(feed.body.items),
      hue: has(hue.body.items),
    };
  }
  const everywhere = {
    page: true,
    explore: true,
    popular: true,
    search: true,
    painter: true,
    favorites: true,
    feed: true,
    hue: true,
  };
  const nowhere = {
    page: false,
    explore: false,
    popular: false,
    search: false,
    painter: false,
    favorites: false,
    feed: false,
    hue: false,
  };

  it('guards every admin route: 401 signed out, 403 ADMIN_ONLY for a painter, 2xx for an admin', async () => {
    const routes: [
      method: 'get' | 'post' | 'put' | 'delete',
      path: string,
      body: object | undefined,
      ok: number,
    ][] = [
      ['get', '/api/admin/reports', undefined, 200],
      ['get', '/api/admin/reports?status=resolved', undefined, 200],
      ['get', '/api/admin/users?q=a', undefined, 200],
      ['get', '/api/admin/stats', undefined, 200],
      ['get', '/api/admin/audit', undefined, 200],
      ['put', `/api/admin/albums/${ids.album}/hidden`, { hidden: false }, 200],
      ['put', '/api/admin/users/ben/suspension', { suspended: false }, 200],
      ['put', '/api/admin/users/ben/role', { role: 'user' }, 200],
      ['post', `/api/admin/stages/${ids.stage}/reprocess`, undefined, 202],
    ];
    for (const [method, path, body, ok] of routes) {
      const call = (c: TestClient) => (method === 'get' ? c.get(path) : c[method](path, body));
      const out = await call(anon);
      expect([path, out.status, out.body.code]).toEqual([path, 401, 'UNAUTHENTICATED']);
      const res = await call(ben);
      expect([path, res.status, res.body.code]).toEqual([path, 403, 'ADMIN_ONLY']);
      expect([path, (await call(admin)).status]).toEqual([path, ok]);
    }
    expect((await anon.delete('/api/admin/messages/x')).status).toBe(401);
    expect((await ben.delete('/api/admin/messages/x')).status).toBe(403);
    expect((await admin.delete('/api/admin/messages/00000000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await anon.delete('/api/admin/comments/x')).status).toBe(401);
    expect((await ben.delete('/api/admin/comments/x')).body.code).toBe('ADMIN_ONLY');
    const noComment = await admin.delete('/api/admin/comments/00000000-0000-7000-8000-000000000000');
    expect([noComment.status, noComment.body.code]).toEqual([404, 'COMMENT_NOT_FOUND']);
    await settled(ada, ids.album);
  });

  it('hides an artwork from every list, search and lookup but its owner’s, evicts watchers, audits, and unhide restores it', async () => {
    expect(await whereSeen(ben, ids.album)).toEqual(everywhere);
    const watcher = await connect(app, cookieOf(ben));
    expect((await watcher.emitWithAck('album:watch', { albumId: ids.album })).ok).toBe(true);

    const hidden = await admin.put(`/api/admin/albums/${ids.album}/hidden`, {
      hidden: true,
      reason: 'copied work',
    });
    expect(hidden.status).toBe(200);
    expect((hidden.body as Artwork).hidden).toMatchObject({ reason: 'copied work' });
    // Hiding needs a reason.
    expect((await admin.put(`/api/admin/albums/${ids.album}/hidden`, { hidden: true })).status).toBe(400);

    expect(await whereSeen(ben, ids.album)).toEqual(nowhere);
    expect((await anon.get(`/api/albums/${ids.album}`)).status).toBe(404);
    // The owner still has it, with the banner's reason; others never see the field.
    const own = (await ada.get(`/api/albums/${ids.album}`)).body as Artwork;
    expect(own.hidden).toMatchObject({ reason: 'copied work' });
    expect((await ada.get('/api/users/ada/albums')).body.items.map((c: { id: string }) => c.id)).toContain(
      ids.album,
    );
    // The watcher was evicted: a stage update reaches it no more, and it may not watch again.
    await new Promise((r) => setTimeout(r, 100));
    const quiet = eventsDuring(watcher, 'stage:updated', 500);
    expect((await admin.post(`/api/admin/stages/${ids.stage}/reprocess`)).status).toBe(202);
    expect(await quiet).toEqual([]);
    expect((await watcher.emitWithAck('album:watch', { albumId: ids.album })).ok).toBe(false);
    await settled(ada, ids.album);

    const audit = (await admin.get('/api/admin/audit')).body as Page<AuditEntry>;
    expect(audit.items[0]).toMatchObject({ action: 'stage.reprocess' });
    expect(audit.items[1]).toMatchObject({
      action: 'album.hide',
      target: { kind: 'album', id: ids.album },
      reason: 'copied work',
      actor: { username: 'root' },
    });

    expect((await admin.put(`/api/admin/albums/${ids.album}/hidden`, { hidden: false })).status).toBe(200);
    expect(await whereSeen(ben, ids.album)).toEqual(everywhere);
    expect(((await ada.get(`/api/albums/${ids.album}`)).body as Artwork).hidden).toBeNull();
    expect((await admin.get('/api/admin/audit')).body.items[0]).toMatchObject({ action: 'album.unhide' });
  });

  it('groups reports of one target into one queue item and resolves them all with one action', async () => {
    const cyd = app.client();
    await cyd.register('cyd');
    expect(
      (await ben.post('/api/reports', { target: { kind: 'album', id: ids.album }, reason: 'copyright' }))
        .status,
    ).toBe(201);
    expect(
      (
        await cyd.post('/api/reports', {
          target: { kind: 'album', id: ids.album },
          reason: 'spam',
          details: 'ads',
        })
      ).status,
    ).toBe(201);
    const queue = (await admin.get('/api/admin/reports')).body as Page<ReportQueueItem>;
    const item = queue.items.find((i) => i.target.id === ids.album)!;
    expect(item).toMatchObject({ count: 2, reasons: ['copyright', 'spam'], status: 'open', details: 'ads' });
    expect(item.reporters.map((u) => u.username)).toEqual(['ben', 'cyd']);
    expect(item.targetPreview).toMatchObject({ title: 'Harbour vermilion', owner: { username: 'ada' } });
    expect(item.targetPreview.thumbUrl).toBeTruthy();

    // "remove" is for messages.
    const wrong = await admin.post(`/api/admin/reports/${item.id}/resolve`, { action: 'remove' });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'ACTION_NOT_APPLICABLE']);

    const resolved = await admin.post(`/api/admin/reports/${item.id}/resolve`, {
      action: 'hide',
      note: 'not theirs',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      count: 2,
      resolution: { action: 'hide', note: 'not theirs', by: { username: 'root' } },
    });
    expect(
      (await admin.get('/api/admin/reports')).body.items.some(
        (i: ReportQueueItem) => i.target.id === ids.album,
      ),
    ).toBe(false);
    expect((await admin.get('/api/admin/reports?status=resolved')).body.items[0]).toMatchObject({
      id: item.id,
      count: 2,
    });
    expect((await admin.post(`/api/admin/reports/${item.id}/resolve`, { action: 'dismiss' })).status).toBe(
      409,
    );
    // Each reporter hears it was resolved (naming no moderator); the painter does not.
    for (const reporter of [ben, cyd]) {
      const told = await eventually(
        () => reporter.get('/api/notifications').then((r) => r.body as NotificationPage),
        (p) => p.items.some((n) => n.type === 'report-resolved'),
      );
      expect(told.items.filter((n) => n.type === 'report-resolved')).toEqual([
        expect.objectContaining({ type: 'report-resolved', actors: [], read: false }),
      ]);
    }
    const painterInbox = (await ada.get('/api/notifications')).body as NotificationPage;
    expect(painterInbox.items.some((n) => n.type === 'report-resolved')).toBe(false);
    expect((await ben.get(`/api/albums/${ids.album}`)).status).toBe(404);
    expect(((await ada.get(`/api/albums/${ids.album}`)).body as Artwork).hidden).toMatchObject({
      reason: 'not theirs',
    });
    // Reporting again opens a new decision.
    expect(
      (await ben.post('/api/reports', { target: { kind: 'user', id: ids.ada }, reason: 'spam' })).status,
    ).toBe(201);
    await admin.put(`/api/admin/albums/${ids.album}/hidden`, { hidden: false });
  });

  it('removes a chat message for everyone: chat:removed, history shows it removed, body gone', async () => {
    const dm = (await ada.post('/api/chat/direct', { username: 'ben' })).body as Conversation;
    const socket = await connect(app, cookieOf(ben));
    const sent = (await ada.post(`/api/chat/conversations/${dm.id}/messages`, { body: 'buy pills' }))
      .body as Message;
    const removed = nextEvent(socket, 'chat:removed');
    expect((await admin.delete(`/api/admin/messages/${sent.id}`)).status).toBe(204);
    expect(await removed).toEqual({ conversationId: dm.id, messageId: sent.id, removed: true });
    for (const viewer of [ada, ben]) {
      const history = (await viewer.get(`/api/chat/conversations/${dm.id}/messages`)).body as Page<Message>;
      expect(history.items.find((m) => m.id === sent.id)).toMatchObject({
        body: '',
        removed: true,
        attachment: null,
      });
      expect(JSON.stringify(history)).not.toContain('buy pills');
    }
    const raw = await app
      .get(DataSource)
      .query(
        app.options.database === 'mysql'
          ? 'SELECT `body` FROM `messages` WHERE `id` = ?'
          : 'SELECT "body" FROM "messages" WHERE "id" = ?',
        [sent.id],
      );
    expect(raw[0].body).toBe('');
    expect((await admin.get('/api/admin/audit')).body.items[0]).toMatchObject({
      action: 'message.remove',
      target: { kind: 'message', id: sent.id },
    });
  });

  describe('a reported comment', () => {
    /** What a viewer finds of the artwork's comments: the ids listed, and the counts on its page and card. */
    async function seen(c: TestClient) {
      const [list, page, cards] = await Promise.all([
        c.get(`/api/albums/${ids.album}/comments`),
        c.get(`/api/albums/${ids.album}`),
        c.get('/api/users/ada/albums'),
      ]);
      const card = (cards.body.items as { id: string; commentCount: number }[]).find(
        (i) => i.id === ids.album,
      );
      return {
        ids: (list.body.items as Comment[]).map((i) => i.id),
        bodies: JSON.stringify(list.body),
        pageCount: (page.body as Artwork).commentCount,
        cardCount: card?.commentCount,
      };
    }
    const comment = async (c: TestClient, body: string, parentId?: string) => {
      const res = await c.post(`/api/albums/${ids.album}/comments`, {
        body,
        ...(parentId ? { parentId } : {}),
      });
      expect(res.status).toBe(201);
      return res.body as Comment;
    };
    const queueItem = async (id: string) =>
      ((await admin.get('/api/admin/reports')).body as Page<ReportQueueItem>).items.find(
        (i) => i.target.kind === 'comment' && i.target.id === id,
      );

    it('is removed by resolving its reports: gone for viewers live, counts drop, audited, reporters told; painters cannot', async () => {
      const [dora, fay, gil] = [app.client(), app.client(), app.client()];
      await dora.register('dora');
      await fay.register('fay');
      await gil.register('gil');
      const spam = await comment(dora, 'cheap pills at spam.example');
      const before = await seen(ben);
      expect(before.ids).toContain(spam.id);

      const first = await fay.post('/api/reports', {
        target: { kind: 'comment', id: spam.id },
        reason: 'spam',
      });
      expect(first.status).toBe(201);
      expect(first.body.targetPreview).toEqual({
        title: 'Harbour vermilion',
        body: 'cheap pills at spam.example',
        owner: expect.objectContaining({ username: 'dora' }),
        link: `/a/${ids.album}#comment-${spam.id}`,
        thumbUrl: expect.any(String),
      });
      expect(
        (await gil.post('/api/reports', { target: { kind: 'comment', id: spam.id }, reason: 'abuse' }))
          .status,
      ).toBe(201);
      const item = (await queueItem(spam.id))!;
      expect(item).toMatchObject({
        count: 2,
        reasons: ['spam', 'abuse'],
        targetPreview: first.body.targetPreview,
      });

      // A painter (the artwork's owner included) cannot use the moderator's actions; nothing changes.
      for (const who of [ben, ada]) {
        const res = await who.post(`/api/admin/reports/${item.id}/resolve`, { action: 'remove' });
        expect([res.status, res.body.code]).toEqual([403, 'ADMIN_ONLY']);
        expect((await who.delete(`/api/admin/comments/${spam.id}`)).body.code).toBe('ADMIN_ONLY');
      }
      // "hide" would hide the whole artwork: not for a comment.
      const hide = await admin.post(`/api/admin/reports/${item.id}/resolve`, { action: 'hide' });
      expect([hide.status, hide.body.code]).toEqual([400, 'ACTION_NOT_APPLICABLE']);
      expect(await seen(ben)).toEqual(before);
      expect((await queueItem(spam.id))?.count).toBe(2);

      const watcher = await connect(app, cookieOf(ben));
      expect((await watcher.emitWithAck('album:watch', { albumId: ids.album })).ok).toBe(true);
      const deleted = nextEvent(watcher, 'comment:deleted');
      const resolved = await admin.post(`/api/admin/reports/${item.id}/resolve`, {
        action: 'remove',
        note: 'spam link',
      });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        status: 'resolved',
        count: 2,
        resolution: { action: 'remove', note: 'spam link' },
      });
      expect(await deleted).toEqual({ id: spam.id, albumId: ids.album, parentId: null, placeholder: false });

      const after = await seen(ben);
      expect(after.ids).not.toContain(spam.id);
      expect(after.bodies).not.toContain('cheap pills');
      expect([after.pageCount, after.cardCount]).toEqual([before.pageCount - 1, before.cardCount! - 1]);
      expect(await queueItem(spam.id)).toBeUndefined();
      expect((await admin.get('/api/admin/audit')).body.items[0]).toMatchObject({
        action: 'comment.remove',
        target: { kind: 'comment', id: spam.id },
        reason: 'spam link',
        actor: { username: 'root' },
      });
      for (const reporter of [fay, gil]) {
        const told = await eventually(
          () => reporter.get('/api/notifications').then((r) => r.body as NotificationPage),
          (p) => p.items.some((n) => n.type === 'report-resolved'),
        );
        expect(told.items.filter((n) => n.type === 'report-resolved')).toHaveLength(1);
      }
      const dorasInbox = (await dora.get('/api/notifications')).body as NotificationPage;
      expect(dorasInbox.items.some((n) => n.type === 'report-resolved')).toBe(false);

      // Gone is gone: neither reportable nor removable again.
      const again = await ben.post('/api/reports', {
        target: { kind: 'comment', id: spam.id },
        reason: 'spam',
      });
      expect([again.status, again.body.code]).toEqual([404, 'NOT_FOUND']);
      const twice = await admin.delete(`/api/admin/comments/${spam.id}`);
      expect([twice.status, twice.body.code]).toEqual([404, 'COMMENT_NOT_FOUND']);
    });

    it('DELETE /api/admin/comments/:id leaves a placeholder for its replies and closes open reports on it', async () => {
      const hal = app.client();
      await hal.register('hal');
      const rude = await comment(hal, 'this is rubbish and so are you');
      const reply = await comment(ben, 'be kind', rude.id);
      expect(
        (await ben.post('/api/reports', { target: { kind: 'comment', id: rude.id }, reason: 'abuse' }))
          .status,
      ).toBe(201);
      const before = await seen(ben);

      const tooLong = await admin.delete(`/api/admin/comments/${rude.id}`, { reason: 'x'.repeat(501) });
      expect([tooLong.status, tooLong.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(await seen(ben)).toEqual(before);

      // Ben's earlier notifications are read, so the one this removal brings is a new unread one.
      expect((await ben.post('/api/notifications/read', {})).status).toBe(200);
      const watcher = await connect(app, cookieOf(ada));
      expect((await watcher.emitWithAck('album:watch', { albumId: ids.album })).ok).toBe(true);
      const deleted = nextEvent(watcher, 'comment:deleted');
      expect((await admin.delete(`/api/admin/comments/${rude.id}`, { reason: 'insults' })).status).toBe(204);
      expect(await deleted).toEqual({ id: rude.id, albumId: ids.album, parentId: null, placeholder: true });

      const after = await seen(ben);
      expect(after.bodies).not.toContain('rubbish');
      expect(after.pageCount).toBe(before.pageCount - 1);
      const listed = ((await ben.get(`/api/albums/${ids.album}/comments`)).body as Page<Comment>).items;
      expect(listed.find((c) => c.id === rude.id)).toMatchObject({ deleted: true, body: '', replyCount: 1 });
      const replies = (await ben.get(`/api/comments/${rude.id}/replies`)).body as Page<Comment>;
      expect(replies.items.map((r) => r.id)).toEqual([reply.id]);
      expect(await queueItem(rude.id)).toBeUndefined();
      const resolved = ((await admin.get('/api/admin/reports?status=resolved')).body as Page<ReportQueueItem>)
        .items;
      expect(resolved.find((i) => i.target.id === rude.id)).toMatchObject({
        resolution: { action: 'remove', note: 'insults' },
        targetPreview: { body: '(deleted)', owner: { username: 'hal' } },
      });
      expect((await admin.get('/api/admin/audit')).body.items[0]).toMatchObject({
        action: 'comment.remove',
        target: { kind: 'comment', id: rude.id },
        reason: 'insults',
      });
      const told = await eventually(
        () => ben.get('/api/notifications').then((r) => r.body as NotificationPage),
        (p) => p.items.some((n) => n.type === 'report-resolved' && !n.read),
      );
      expect(told.items.some((n) => n.type === 'report-resolved' && !n.read)).toBe(true);
      // A deleted placeholder is not there to remove again.
      expect((await admin.delete(`/api/admin/comments/${rude.id}`)).body.code).toBe('COMMENT_NOT_FOUND');
    });
  });

  it('suspends a painter: sessions and sockets end, sign-in is 403 SUSPENDED, works, profile and messages hidden; lifting restores all', async () => {
    const pub = (await ada.post('/api/chat/conversations/public/messages', { body: 'hello from ada' }))
      .body as Message;
    const socket = await connect(app, cookieOf(ada));
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const res = await admin.put('/api/admin/users/ada/suspension', { suspended: true, reason: 'spam wave' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'ada', suspended: { reason: 'spam wave', until: null } });
    await closed;
    expect((await ada.get('/api/auth/me')).status).toBe(401);
    const login = await app.client().login('ada');
    expect([login.status, login.body.code]).toEqual([403, 'SUSPENDED']);
    expect(login.body.message).toContain('spam wave');
    expect(await whereSeen(ben, ids.album)).toEqual(nowhere);
    expect((await ben.get('/api/users/ada')).status).toBe(404);
    const history = (await ben.get('/api/chat/conversations/public/messages')).body as Page<Message>;
    expect(history.items.some((m) => m.id === pub.id)).toBe(false);
    expect((await ben.get('/api/search?q=ada')).body.users).toEqual([]);
    expect(
      (await admin.get('/api/admin/users?status=suspended')).body.items.map(
        (u: { username: string }) => u.username,
      ),
    ).toEqual(['ada']);
    // Admins cannot suspend themselves.
    expect(
      (await admin.put('/api/admin/users/root/suspension', { suspended: true, reason: 'x' })).body.code,
    ).toBe('CANNOT_MODERATE_SELF');

    const lift = await admin.put('/api/admin/users/ada/suspension', { suspended: false });
    expect(lift.body.suspended).toBeNull();
    expect((await ada.login('ada')).status).toBe(200);
    expect(await whereSeen(ben, ids.album)).toEqual(everywhere);
    expect((await ben.get('/api/users/ada')).status).toBe(200);
    const back = (await ben.get('/api/chat/conversations/public/messages')).body as Page<Message>;
    expect(back.items.find((m) => m.id === pub.id)?.body).toBe('hello from ada');
    const audit = (await admin.get('/api/admin/audit')).body.items as AuditEntry[];
    expect(audit.slice(0, 2).map((e) => e.action)).toEqual(['user.unsuspend', 'user.suspend']);
  });

  it('a suspension with an end lifts itself at the next sign-in after it', async () => {
    const eve = app.client();
    await eve.register('eve');
    // Two seconds leave room for a loaded machine between the suspension and the first sign-in;
    // the second waits until just past the end, however long the first steps took.
    const end = Date.now() + 2000;
    const until = new Date(end).toISOString();
    await admin.put('/api/admin/users/eve/suspension', { suspended: true, reason: 'cool down', until });
    expect((await app.client().login('eve')).status).toBe(403);
    await new Promise((r) => setTimeout(r, Math.max(0, end - Date.now()) + 100));
    expect((await app.client().login('eve')).status).toBe(200);
  });

  it('makes and unmakes admins, never yourself and never the last one', async () => {
    const own = await admin.put('/api/admin/users/root/role', { role: 'user' });
    expect([own.status, own.body.code]).toEqual([400, 'CANNOT_CHANGE_OWN_ROLE']);
    expect((await admin.put('/api/admin/users/ben/role', { role: 'admin' })).body.role).toBe('admin');
    expect((await ben.get('/api/admin/stats')).status).toBe(200);
    expect((await ben.put('/api/admin/users/root/role', { role: 'user' })).body.role).toBe('user');
    const last = await ben.put('/api/admin/users/ben/role', { role: 'user' });
    expect(last.body.code).toBe('CANNOT_CHANGE_OWN_ROLE');
    await setRole(app.get(DataSource), 'root', 'admin');
    expect((await admin.put('/api/admin/users/ben/role', { role: 'user' })).status).toBe(200);
    expect((await ben.get('/api/admin/stats')).status).toBe(403);
  });

  it('answers stats', async () => {
    const stats = (await admin.get('/api/admin/stats')).body;
    expect(stats).toMatchObject({ users: expect.any(Number), artworks: expect.any(Number) });
    expect(stats.stages.ready).toBeGreaterThan(0);
    expect(stats.storageBytes).toBeGreaterThan(0);
    expect(stats.socketsOnline).toBeGreaterThanOrEqual(0);
  });

  it("counts the image queue's jobs by state, on either queue", async () => {
    const jobs = app.get(JobQueue);
    await jobs.drain();
    const queue = async () => ((await admin.get('/api/admin/stats')).body as AdminStats).queue;
    expect(await queue()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    // A debounced job waits for its time: in-process as a timer, on Bull in Redis.
    await jobs.add('delete-objects', { keys: [] }, 'stats-probe', { delayMs: 60_000 });
    expect(await queue()).toEqual({ waiting: 0, active: 0, delayed: 1, failed: 0 });
    // Bull keeps it in Redis, shared with the next suites; the in-process timer ends with the app.
    if (options.redis)
      await (await app.get<Queue>(getQueueToken(MEDIA_QUEUE)).getJob('stats-probe'))?.remove();
  });
});

const scaledOut = databaseKinds().includes('mysql') && redisAvailable() ? describe : describe.skip;

// Two api instances sharing MariaDB and Redis: a suspension on one ends sessions and sockets on both.
scaledOut('suspension across two api instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await TestApp.start({ database: 'mysql', s3: true, redis: true });
    b = await TestApp.start({ database: 'mysql', sharedWith: a });
  });
  afterEach(() => disconnectAll());
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('closes every session and socket of the painter on every instance at once', async () => {
    const admin = a.client();
    await admin.register('root');
    await setRole(a.get(DataSource), 'root', 'admin');
    const onA = a.client();
    await onA.register('gus');
    const onB = b.client();
    expect((await onB.login('gus')).status).toBe(200);
    const sockets = [await connect(a, cookieOf(onA)), await connect(b, cookieOf(onB))];
    const closed = sockets.map((s) => new Promise<string>((resolve) => s.once('disconnect', resolve)));
    expect(
      (await admin.put('/api/admin/users/gus/suspension', { suspended: true, reason: 'bots' })).status,
    ).toBe(200);
    await Promise.all(closed);
    expect((await onA.get('/api/auth/me')).status).toBe(401);
    expect((await onB.get('/api/auth/me')).status).toBe(401);
    expect((await b.client().login('gus')).body.code).toBe('SUSPENDED');
    // A socket cannot come back with the old session either.
    await expect(connect(b, cookieOf(onB))).rejects.toThrow('unauthorized');
  });
});
