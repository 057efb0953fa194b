import type { Artwork, Notification, NotificationPage } from '@gallery/contracts';
import { NotificationEntity } from '../src/notifications/notification.entity';
import { DataSource } from 'typeorm';
import { JobQueue } from '../src/queue/job-queue';
import { createArtwork } from './support/artworks';
import { appModes } from './support/modes';
import { connect, cookieOf, disconnectAll, nextEvent } from './support/sockets';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** Notifications are written once the like (etc.) commits: poll briefly for them. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(appModes())('notifications — %s', (_name, options) => {
  let app: TestApp;
  let painter: TestClient;
  let fans: TestClient[];
  let album: Artwork;

  const inbox = (c: TestClient) => c.get('/api/notifications').then((r) => r.body as NotificationPage);

  beforeAll(async () => {
    app = await TestApp.start(options);
    painter = app.client();
    await painter.register('vermeer');
    fans = [];
    for (const name of ['ann', 'bob', 'cyd', 'dee']) {
      const c = app.client();
      await c.register(name);
      fans.push(c);
    }
    album = await createArtwork(painter, 'Girl with a pearl earring');
  });
  afterEach(() => disconnectAll());
  afterAll(() => app.close());

  it('groups likes on one artwork while unread: one row, actors newest first, actorCount', async () => {
    for (const fan of fans.slice(0, 3))
      expect((await fan.put(`/api/albums/${album.id}/like`)).status).toBe(200);
    // Liking again (idempotent) or unliking and liking again adds nobody twice.
    await fans[0]!.delete(`/api/albums/${album.id}/like`);
    await fans[0]!.put(`/api/albums/${album.id}/like`);
    const page = await eventually(
      () => inbox(painter),
      (p) => p.items.some((n) => n.type === 'like' && n.actors[0]?.username === 'ann'),
    );
    const likes = page.items.filter((n) => n.type === 'like');
    expect(likes).toHaveLength(1);
    expect(likes[0]).toMatchObject({
      actorCount: 3,
      read: false,
      album: { id: album.id, title: 'Girl with a pearl earring' },
      commentId: null,
    });
    expect(likes[0]!.actors.map((a) => a.username)).toEqual(['ann', 'cyd', 'bob']);
    expect(page.unreadCount).toBe(1);
    // Nobody is told about their own like.
    await painter.put(`/api/albums/${album.id}/like`);
    expect((await inbox(fans[0]!)).items).toEqual([]);
  });

  it('marks one or all read; a read group stops gathering, the next like starts a new one', async () => {
    const before = await inbox(painter);
    const like = before.items.find((n) => n.type === 'like')!;
    const read = await painter.post('/api/notifications/read', { ids: [like.id] });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ unreadCount: before.unreadCount - 1 });
    await fans[3]!.put(`/api/albums/${album.id}/like`);
    const after = await eventually(
      () => inbox(painter),
      (p) => p.items.filter((n) => n.type === 'like').length === 2,
    );
    const likes = after.items.filter((n) => n.type === 'like');
    expect(likes.map((n) => [n.actorCount, n.read])).toEqual([
      [1, false],
      [3, true],
    ]);
    expect(likes[0]!.actors[0]!.username).toBe('dee');
    const all = await painter.post('/api/notifications/read', {});
    expect(all.body).toEqual({ unreadCount: 0 });
    expect((await inbox(painter)).items.every((n) => n.read)).toBe(true);
  });

  it('delivers live: notification and notification:count to the recipient only', async () => {
    const own = await connect(app, cookieOf(painter));
    const other = await connect(app, cookieOf(fans[1]!));
    let otherHeard = 0;
    other.on('notification', () => otherHeard++);
    const heard = nextEvent(own, 'notification');
    const count = nextEvent(own, 'notification:count');
    await fans[0]!.put('/api/users/vermeer/follow');
    expect(await heard).toMatchObject({ type: 'follow', actors: [{ username: 'ann' }], album: null });
    expect(await count).toEqual({ unreadCount: 1 });
    expect(otherHeard).toBe(0);
  });

  it('comments tell the painter, replies the comment author, mentions the named', async () => {
    await painter.post('/api/notifications/read', {});
    const top = await fans[0]!.post(`/api/albums/${album.id}/comments`, { body: 'Beautiful' });
    const reply = await fans[1]!.post(`/api/albums/${album.id}/comments`, {
      body: 'Agree with @ann and @cyd',
      parentId: top.body.id,
    });
    const painterInbox = await eventually(
      () => inbox(painter),
      (p) => p.items.some((n) => n.type === 'comment' && n.actorCount === 2),
    );
    const comments = painterInbox.items.filter((n) => n.type === 'comment');
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ actorCount: 2, commentId: reply.body.id });
    const ann = await eventually(
      () => inbox(fans[0]!),
      (p) => p.items.some((n) => n.type === 'reply'),
    );
    // ann is the parent's author: a reply, not also a mention.
    expect(ann.items.map((n) => n.type)).toEqual(['reply']);
    const cyd = await eventually(
      () => inbox(fans[2]!),
      (p) => p.items.some((n) => n.type === 'mention'),
    );
    expect(cyd.items.find((n) => n.type === 'mention')).toMatchObject({
      commentId: reply.body.id,
      actors: [{ username: 'bob' }],
    });
  });

  it('groups likes that arrive at the same moment into one row', async () => {
    const work = await createArtwork(painter, 'Little street');
    await Promise.all(fans.map((fan) => fan.put(`/api/albums/${work.id}/like`)));
    const page = await eventually(
      () => inbox(painter),
      (p) => p.items.some((n) => n.type === 'like' && n.album?.id === work.id && n.actorCount === 4),
    );
    const rows = page.items.filter((n) => n.type === 'like' && n.album?.id === work.id);
    expect(rows.map((n) => n.actorCount)).toEqual([4]);
  });

  it('honours per-type settings', async () => {
    const initial = await fans[2]!.get('/api/users/me/notification-settings');
    expect(initial.body).toEqual({
      like: true,
      favorite: true,
      follow: true,
      comment: true,
      reply: true,
      mention: true,
      'new-artwork': true,
      'report-resolved': true,
    });
    const own = await createArtwork(fans[2]!, 'Cyd’s sketch');
    const off = await fans[2]!.put('/api/users/me/notification-settings', { favorite: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ favorite: false, like: true });
    expect((await fans[2]!.put('/api/users/me/notification-settings', { like: 'yes' })).status).toBe(400);
    await fans[0]!.put(`/api/albums/${own.id}/favorite`);
    await fans[0]!.put(`/api/albums/${own.id}/like`);
    const page = await eventually(
      () => inbox(fans[2]!),
      (p) => p.items.some((n) => n.type === 'like'),
    );
    expect(page.items.some((n) => n.type === 'favorite')).toBe(false);
    expect((await app.client().get('/api/notifications')).status).toBe(401);
  });

  it('tells followers of a newly published artwork through a job, in batches; unlisted ones wait', async () => {
    const follower = fans[3]!;
    await follower.put('/api/users/vermeer/follow');
    await fans[1]!.put('/api/users/vermeer/follow');
    await fans[1]!.put('/api/users/me/notification-settings', { 'new-artwork': false });
    const socket = await connect(app, cookieOf(follower));
    const heard = nextEvent(socket, 'notification', 10_000);
    const work = await createArtwork(painter, 'The milkmaid');
    expect(await heard).toMatchObject({
      type: 'new-artwork',
      album: { id: work.id },
      actors: [{ username: 'vermeer' }],
    });
    await app.get(JobQueue).drain();
    const db = app.get(DataSource);
    const rows = await db.getRepository(NotificationEntity).findBy({ albumId: work.id, type: 'new-artwork' });
    expect(rows.map((r) => r.recipientId).sort()).toEqual(
      [(await me(follower)).id, (await me(fans[0]!)).id].sort(),
    );

    // Unlisted: nobody hears until it is made public, and then once.
    const quiet = await createArtwork(painter, 'View of Delft', { visibility: 'unlisted' });
    await app.get(JobQueue).drain();
    expect(await db.getRepository(NotificationEntity).countBy({ albumId: quiet.id })).toBe(0);
    await painter.patch(`/api/albums/${quiet.id}`, { visibility: 'public' });
    await painter.patch(`/api/albums/${quiet.id}`, { visibility: 'unlisted' });
    await painter.patch(`/api/albums/${quiet.id}`, { visibility: 'public' });
    await eventually(
      () => db.getRepository(NotificationEntity).countBy({ albumId: quiet.id }),
      (n) => n === 2,
    );
    await app.get(JobQueue).drain();
    expect(await db.getRepository(NotificationEntity).countBy({ albumId: quiet.id })).toBe(2);
    const list = (await inbox(follower)).items as Notification[];
    expect(list.filter((n) => n.type === 'new-artwork')).toHaveLength(2);

    // Made unlisted again: followers keep the notification but no longer see the artwork.
    await painter.patch(`/api/albums/${quiet.id}`, { visibility: 'unlisted' });
    const later = (await inbox(follower)).items.filter((n) => n.type === 'new-artwork');
    expect(later.map((n) => n.album?.id ?? null)).toEqual([null, work.id]);
  });
});

async function me(c: TestClient): Promise<{ id: string }> {
  return (await c.get('/api/auth/me')).body as { id: string };
}
