import type { Comment, Conversation, Message, Report } from '@gallery/contracts';
import { DataSource } from 'typeorm';
import type { DomainEventMap } from '../src/events/event-map';
import { DomainEvents } from '../src/events/domain-events';
import { ReportEntity } from '../src/reports/report.entity';
import { databaseKinds } from './support/adapters';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

describe.each(databaseKinds())('reports — %s', (database) => {
  let app: TestApp;
  let ada: TestClient; // painter
  let ben: TestClient; // reporter
  let cyd: TestClient; // talks privately with ada
  const ids = {
    public: '',
    unlisted: '',
    stage: '',
    hiddenStage: '',
    dm: '',
    publicMsg: '',
    ada: '',
    comment: '',
    stageComment: '',
    hiddenComment: '',
    deletedComment: '',
    placeholderComment: '',
  };

  const count = () => app.get(DataSource).getRepository(ReportEntity).count();
  const report = (c: TestClient, body: object) => c.post('/api/reports', body);

  beforeAll(async () => {
    app = await TestApp.start({ database });
    [ada, ben, cyd] = [app.client(), app.client(), app.client()];
    ids.ada = (await ada.register('ada')).id;
    await ben.register('ben');
    await cyd.register('cyd');
    ids.public = (await createArtwork(ada, 'Harbour')).id;
    ids.unlisted = (await createArtwork(ada, 'Secret', { visibility: 'unlisted' })).id;
    await uploadStages(ada, ids.public, [{ body: await png(), name: 'a.png' }]);
    await uploadStages(ada, ids.unlisted, [{ body: await png(), name: 'b.png' }]);
    ids.stage = (await settled(ada, ids.public)).stages[0]!.id;
    ids.hiddenStage = (await settled(ada, ids.unlisted)).stages[0]!.id;
    const dm = (await ada.post('/api/chat/direct', { username: 'cyd' })).body as Conversation;
    ids.dm = (
      (await ada.post(`/api/chat/conversations/${dm.id}/messages`, { body: 'psst' })).body as Message
    ).id;
    const pub = await ada.post('/api/chat/conversations/public/messages', { body: 'hello all' });
    ids.publicMsg = (pub.body as Message).id;
    const comment = async (c: TestClient, albumId: string, body: object) =>
      ((await c.post(`/api/albums/${albumId}/comments`, body)).body as Comment).id;
    ids.comment = await comment(cyd, ids.public, { body: 'you call this art?' });
    ids.stageComment = await comment(cyd, ids.public, { body: 'muddy here', stageId: ids.stage });
    ids.hiddenComment = await comment(ada, ids.unlisted, { body: 'note to self' });
    ids.deletedComment = await comment(cyd, ids.public, { body: 'oops' });
    expect((await cyd.delete(`/api/comments/${ids.deletedComment}`)).status).toBe(204);
    // Deleted while it has a reply: it stays as an empty placeholder.
    ids.placeholderComment = await comment(cyd, ids.public, { body: 'first' });
    await comment(ada, ids.public, { body: 'reply', parentId: ids.placeholderComment });
    expect((await cyd.delete(`/api/comments/${ids.placeholderComment}`)).status).toBe(204);
  });
  afterAll(() => app.close());

  it('publishes report.created once the report commits, and not for a repeat', async () => {
    const seen: DomainEventMap['report.created'][] = [];
    app.get(DomainEvents).onCommitted('report.created', (payload) => void seen.push(payload));
    const body = { target: { kind: 'user', id: ids.ada }, reason: 'abuse' };
    const created = (await report(cyd, body)).body as Report;
    expect((await report(cyd, body)).status).toBe(200);
    expect(seen.filter((e) => e.reportId === created.id)).toEqual([
      { reportId: created.id, target: body.target, reporterId: created.reporter.id },
    ]);
  });

  it('files a report on a public artwork (201) with a preview, and a repeat answers 200 with the same report', async () => {
    const first = await report(ben, {
      target: { kind: 'album', id: ids.public },
      reason: 'spam',
      details: ' ads ',
    });
    expect(first.status).toBe(201);
    const created = first.body as Report;
    expect(created).toMatchObject({
      target: { kind: 'album', id: ids.public },
      reason: 'spam',
      details: 'ads',
      status: 'open',
      resolution: null,
      reporter: { username: 'ben' },
      targetPreview: { title: 'Harbour', owner: { username: 'ada' } },
    });
    const rows = await count();
    const again = await report(ben, { target: { kind: 'album', id: ids.public }, reason: 'abuse' });
    expect(again.status).toBe(200);
    expect((again.body as Report).id).toBe(created.id);
    expect(await count()).toBe(rows);
  });

  it('files reports on a visible stage, a readable message and a user', async () => {
    const targets = [
      { kind: 'stage', id: ids.stage },
      { kind: 'message', id: ids.publicMsg },
      { kind: 'user', id: ids.ada },
    ];
    for (const target of targets) {
      const res = await report(ben, { target, reason: 'other' });
      expect({ target, status: res.status }).toEqual({ target, status: 201 });
    }
    const dm = await report(cyd, { target: { kind: 'message', id: ids.dm }, reason: 'abuse' });
    expect(dm.status).toBe(201);
    expect((dm.body as Report).targetPreview).toMatchObject({ body: 'psst', owner: { username: 'ada' } });
  });

  it('files a report on a comment with its text, author, the artwork (and stage) it is on and a link', async () => {
    const first = await report(ben, { target: { kind: 'comment', id: ids.comment }, reason: 'abuse' });
    expect(first.status).toBe(201);
    expect((first.body as Report).targetPreview).toEqual({
      title: 'Harbour',
      body: 'you call this art?',
      owner: expect.objectContaining({ username: 'cyd' }),
      link: `/a/${ids.public}#comment-${ids.comment}`,
      thumbUrl: expect.any(String),
    });
    const rows = await count();
    const again = await report(ben, { target: { kind: 'comment', id: ids.comment }, reason: 'spam' });
    expect([again.status, (again.body as Report).id]).toEqual([200, (first.body as Report).id]);
    expect(await count()).toBe(rows);

    const onStage = await report(ben, { target: { kind: 'comment', id: ids.stageComment }, reason: 'other' });
    expect(onStage.status).toBe(201);
    expect((onStage.body as Report).targetPreview).toMatchObject({
      title: 'Harbour · Stage 1',
      body: 'muddy here',
      link: `/a/${ids.public}?stage=1#comment-${ids.stageComment}`,
    });
  });

  it('answers 401 when signed out, and adds no row', async () => {
    const before = await count();
    const res = await report(app.client(), { target: { kind: 'user', id: ids.ada }, reason: 'spam' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
  });

  it.each([
    ['an unknown reason', { target: { kind: 'user', id: 'x' }, reason: 'rude' }],
    ['an unknown target kind', { target: { kind: 'painting', id: 'x' }, reason: 'spam' }],
    ['no target', { reason: 'spam' }],
    ['a target that is not an object', { target: 'x', reason: 'spam' }],
    ['details too long', { target: { kind: 'user', id: 'x' }, reason: 'spam', details: 'x'.repeat(1001) }],
    ['an unknown field', { target: { kind: 'user', id: 'x' }, reason: 'spam', extra: 1 }],
  ])('answers 400 VALIDATION_FAILED for %s, and adds no row', async (_what, body) => {
    const before = await count();
    const res = await report(ben, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(await count()).toBe(before);
  });

  it('answers 404 for targets that do not exist or that the reporter cannot see, and adds no row', async () => {
    const before = await count();
    const unseeable = [
      { kind: 'album', id: ids.unlisted },
      { kind: 'album', id: 'no-such-album' },
      { kind: 'stage', id: ids.hiddenStage },
      { kind: 'stage', id: 'no-such-stage' },
      { kind: 'message', id: ids.dm },
      { kind: 'message', id: 'no-such-message' },
      { kind: 'user', id: 'no-such-user' },
      { kind: 'comment', id: ids.hiddenComment },
      { kind: 'comment', id: ids.deletedComment },
      { kind: 'comment', id: ids.placeholderComment },
      { kind: 'comment', id: 'no-such-comment' },
    ];
    for (const target of unseeable) {
      const res = await report(ben, { target, reason: 'spam' });
      expect({ target, status: res.status, code: res.body.code }).toEqual({
        target,
        status: 404,
        code: 'NOT_FOUND',
      });
    }
    expect(await count()).toBe(before);
  });

  it('lets the owner of an unlisted artwork report it (they can see it)', async () => {
    const res = await report(ada, { target: { kind: 'album', id: ids.unlisted }, reason: 'other' });
    expect(res.status).toBe(201);
  });
});
