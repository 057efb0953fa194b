import type { Artwork, Comment, Stage } from '@gallery/contracts';
import { CommentRules } from '../src/comments/comment-rules';
import { createArtwork, uploadStages } from './support/artworks';
import { png } from './support/images';
import { appModes } from './support/modes';
import { connect, cookieOf, disconnectAll, eventsDuring, nextEvent } from './support/sockets';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

describe.each(appModes())('comments — %s', (_name, options) => {
  let app: TestApp;
  let painter: TestClient;
  let viewer: TestClient;
  let other: TestClient;
  let album: Artwork;
  const rules = { editWindowMs: 60_000 };

  beforeAll(async () => {
    app = await TestApp.start({ ...options, overrides: [{ provide: CommentRules, useValue: rules }] });
    painter = app.client();
    await painter.register('monet');
    viewer = app.client();
    await viewer.register('manet');
    other = app.client();
    await other.register('degas');
    album = await createArtwork(painter, 'Water lilies');
  });
  afterEach(() => {
    rules.editWindowMs = 60_000;
    disconnectAll();
  });
  afterAll(() => app.close());

  const post = (c: TestClient, body: object, id = album.id) => c.post(`/api/albums/${id}/comments`, body);

  it('posts, lists oldest first with reply counts, and counts on the artwork and its card', async () => {
    const first = await post(viewer, { body: 'Lovely *light*' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      albumId: album.id,
      stageId: null,
      parentId: null,
      author: { username: 'manet' },
      body: 'Lovely *light*',
      x: null,
      y: null,
      editedAt: null,
      deleted: false,
      replyCount: 0,
    });
    const second = (await post(other, { body: 'Agreed' })).body as Comment;
    const reply = await post(painter, { body: 'Thanks @manet', parentId: first.body.id });
    expect(reply.status).toBe(201);
    expect(reply.body.parentId).toBe(first.body.id);

    const list = await app.client().get(`/api/albums/${album.id}/comments`);
    expect(list.status).toBe(200);
    expect((list.body.items as Comment[]).map((c) => [c.id, c.replyCount])).toEqual([
      [first.body.id, 1],
      [second.id, 0],
    ]);
    const replies = await app.client().get(`/api/comments/${first.body.id}/replies`);
    expect((replies.body.items as Comment[]).map((c) => c.body)).toEqual(['Thanks @manet']);

    const paged = await app.client().get(`/api/albums/${album.id}/comments?limit=1`);
    expect(paged.body.items).toHaveLength(1);
    const next = await app
      .client()
      .get(`/api/albums/${album.id}/comments?limit=1&cursor=${paged.body.nextCursor}`);
    expect(next.body.items[0].id).toBe(second.id);

    expect((await app.client().get(`/api/albums/${album.id}`)).body.commentCount).toBe(3);
    const cards = await app.client().get('/api/users/monet/albums');
    expect(cards.body.items.find((c: { id: string }) => c.id === album.id).commentCount).toBe(3);
  });

  it('answers a reply to a reply with 400, a missing body with 400, signed out with 401', async () => {
    const top = (await post(viewer, { body: 'Top' })).body as Comment;
    const reply = (await post(other, { body: 'Reply', parentId: top.id })).body as Comment;
    const deeper = await post(viewer, { body: 'Deeper', parentId: reply.id });
    expect(deeper.status).toBe(400);
    expect(deeper.body.code).toBe('REPLY_TOO_DEEP');
    expect((await post(viewer, { body: '   ' })).status).toBe(400);
    expect((await post(viewer, { body: 'x'.repeat(2001) })).status).toBe(400);
    expect((await post(app.client(), { body: 'hi' })).status).toBe(401);
  });

  it('comments on a stage at a point; x and y need a stage of this artwork', async () => {
    const res = await uploadStages(painter, album.id, [{ body: await png(60, 40), name: 'a.png' }]);
    const stage = (res.body.stages as Stage[])[0]!;
    const pinned = await post(viewer, { body: 'This edge', stageId: stage.id, x: 0.25, y: 0.75 });
    expect(pinned.status).toBe(201);
    expect(pinned.body).toMatchObject({ stageId: stage.id, x: 0.25, y: 0.75 });
    const byStage = await app.client().get(`/api/albums/${album.id}/comments?stageId=${stage.id}`);
    expect((byStage.body.items as Comment[]).map((c) => c.id)).toEqual([pinned.body.id]);
    expect((await post(viewer, { body: 'No stage', x: 0.5, y: 0.5 })).status).toBe(400);
    expect((await post(viewer, { body: 'Off', stageId: stage.id, x: 1.5, y: 0 })).status).toBe(400);
    const elsewhere = await post(viewer, { body: 'Wrong', stageId: '00000000-0000-7000-8000-000000000000' });
    expect(elsewhere.status).toBe(404);
  });

  it('hides comments on an unlisted artwork from others: 404 to read, write and reply', async () => {
    const hidden = await createArtwork(painter, 'Private study', { visibility: 'unlisted' });
    const own = await post(painter, { body: 'Note to self' }, hidden.id);
    expect(own.status).toBe(201);
    expect((await post(viewer, { body: 'Sneaky' }, hidden.id)).status).toBe(404);
    expect((await viewer.get(`/api/albums/${hidden.id}/comments`)).status).toBe(404);
    expect((await viewer.get(`/api/comments/${own.body.id}/replies`)).status).toBe(404);
    expect((await viewer.patch(`/api/comments/${own.body.id}`, { body: 'x' })).status).toBe(404);
    expect((await viewer.delete(`/api/comments/${own.body.id}`)).status).toBe(404);
  });

  it('lets only the author edit, within the window', async () => {
    const mine = (await post(viewer, { body: 'Typo' })).body as Comment;
    const edited = await viewer.patch(`/api/comments/${mine.id}`, { body: 'Fixed' });
    expect(edited.status).toBe(200);
    expect(edited.body.body).toBe('Fixed');
    expect(edited.body.editedAt).not.toBeNull();
    const theirs = await other.patch(`/api/comments/${mine.id}`, { body: 'Hijack' });
    expect(theirs.status).toBe(403);
    expect(theirs.body.code).toBe('NOT_COMMENT_AUTHOR');
    const byPainter = await painter.patch(`/api/comments/${mine.id}`, { body: 'Hijack' });
    expect(byPainter.status).toBe(403);
    rules.editWindowMs = 0;
    await new Promise((r) => setTimeout(r, 5));
    const late = await viewer.patch(`/api/comments/${mine.id}`, { body: 'Too late' });
    expect(late.status).toBe(403);
    expect(late.body.code).toBe('EDIT_WINDOW_CLOSED');
  });

  it('deletes: author yes, painter any on their work, others 403; with replies it stays as "deleted"', async () => {
    const before = (await app.client().get(`/api/albums/${album.id}`)).body.commentCount as number;
    const top = (await post(viewer, { body: 'Will go' })).body as Comment;
    const reply = (await post(other, { body: 'A reply', parentId: top.id })).body as Comment;
    expect((await other.delete(`/api/comments/${top.id}`)).status).toBe(403);
    expect((await viewer.delete(`/api/comments/${top.id}`)).status).toBe(204);
    const list = (await app.client().get(`/api/albums/${album.id}/comments`)).body.items as Comment[];
    expect(list.find((c) => c.id === top.id)).toMatchObject({ deleted: true, body: '', replyCount: 1 });
    expect((await viewer.patch(`/api/comments/${top.id}`, { body: 'back' })).status).toBe(404);
    // The painter removes the last reply: the placeholder goes with it.
    expect((await painter.delete(`/api/comments/${reply.id}`)).status).toBe(204);
    const after = (await app.client().get(`/api/albums/${album.id}/comments`)).body.items as Comment[];
    expect(after.find((c) => c.id === top.id)).toBeUndefined();
    expect((await app.client().get(`/api/albums/${album.id}`)).body.commentCount).toBe(before);
  });

  it('comments off: 403 COMMENTS_OFF, reading still works; critique wanted shows on the artwork', async () => {
    const work = await createArtwork(painter, 'Haystacks');
    expect((await viewer.patch(`/api/albums/${work.id}`, { commentsOff: true })).status).toBe(403);
    const set = await painter.patch(`/api/albums/${work.id}`, { commentsOff: true, critiqueWanted: true });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ commentsOff: true, critiqueWanted: true });
    const res = await post(viewer, { body: 'hello' }, work.id);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('COMMENTS_OFF');
    expect((await app.client().get(`/api/albums/${work.id}/comments`)).status).toBe(200);
    await painter.patch(`/api/albums/${work.id}`, { commentsOff: false });
    expect((await post(viewer, { body: 'hello' }, work.id)).status).toBe(201);
  });

  it('tells album watchers live: created, updated, deleted; not others', async () => {
    const work = await createArtwork(painter, 'Rouen cathedral');
    const watcher = await connect(app, cookieOf(other));
    expect(await watcher.emitWithAck('album:watch', { albumId: work.id })).toEqual({ ok: true });
    const idle = await connect(app, cookieOf(painter));
    const created = nextEvent(watcher, 'comment:created');
    const quiet = eventsDuring(idle, 'comment:created', 800);
    const c = (await post(viewer, { body: 'Live!' }, work.id)).body as Comment;
    expect(await created).toMatchObject({ id: c.id, body: 'Live!', author: { username: 'manet' } });
    const updated = nextEvent(watcher, 'comment:updated');
    await viewer.patch(`/api/comments/${c.id}`, { body: 'Live, edited' });
    expect(await updated).toMatchObject({ id: c.id, body: 'Live, edited' });
    const deleted = nextEvent(watcher, 'comment:deleted');
    await viewer.delete(`/api/comments/${c.id}`);
    expect(await deleted).toEqual({ id: c.id, albumId: work.id, parentId: null, placeholder: false });
    expect(await quiet).toEqual([]);
  });

  it('omits comments and replies by painters the viewer blocked, for the blocker only', async () => {
    const works = await createArtwork(painter, 'Haystacks');
    const top = (await post(painter, { body: 'By the painter' }, works.id)).body as Comment;
    const byDegas = (await post(other, { body: 'By degas' }, works.id)).body as Comment;
    await post(other, { body: 'Degas replies', parentId: top.id }, works.id);
    expect((await viewer.put('/api/users/degas/block')).status).toBe(204);

    const ids = async (c: TestClient) =>
      ((await c.get(`/api/albums/${works.id}/comments`)).body.items as Comment[]).map((c) => c.id);
    const replies = async (c: TestClient) =>
      ((await c.get(`/api/comments/${top.id}/replies`)).body.items as Comment[]).map((c) => c.body);
    expect(await ids(viewer)).toEqual([top.id]);
    expect(await replies(viewer)).toEqual([]);
    expect(await ids(painter)).toEqual([top.id, byDegas.id]);
    expect(await replies(painter)).toEqual(['Degas replies']);
    expect(await ids(app.client())).toEqual([top.id, byDegas.id]);

    await viewer.delete('/api/users/degas/block');
    expect(await ids(viewer)).toEqual([top.id, byDegas.id]);
  });
});
