import type { Conversation, Message, Page } from '@gallery/contracts';
import { createArtwork, uploadStages } from './support/artworks';
import { png } from './support/images';
import { appModes } from './support/modes';
import { connect, cookieOf, disconnectAll } from './support/sockets';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** Painters blocking painters, over REST and the socket. */
describe.each(appModes())('blocking — %s', (_name, options) => {
  let app: TestApp;
  let ada: TestClient; // blocks bob
  let bob: TestClient;
  let cyd: TestClient;
  let albumId = '';

  beforeAll(async () => {
    app = await TestApp.start(options);
    [ada, bob, cyd] = [app.client(), app.client(), app.client()];
    await ada.register('ada');
    await bob.register('bob');
    await cyd.register('cyd');
    albumId = (await createArtwork(ada, 'Quiet lagoon')).id;
  });
  afterEach(() => disconnectAll());
  afterAll(() => app.close());

  it('blocks and unblocks idempotently, lists blocks, refuses self and unknown painters', async () => {
    expect((await ada.put('/api/users/bob/block')).status).toBe(204);
    expect((await ada.put('/api/users/bob/block')).status).toBe(204);
    const list = await ada.get('/api/users/me/blocks');
    expect(list.body).toEqual([expect.objectContaining({ username: 'bob', blockedAt: expect.any(String) })]);
    expect((await ada.put('/api/users/ada/block')).body.code).toBe('CANNOT_BLOCK_SELF');
    expect((await ada.put('/api/users/nobody/block')).status).toBe(404);
    expect((await app.client().get('/api/users/me/blocks')).status).toBe(401);
  });

  it('a blocked painter cannot DM, add to groups, or see the profile and artworks; others still can', async () => {
    // Before the block bob kept and followed ada's work (the feed lists works with stages only).
    await ada.delete('/api/users/bob/block');
    await uploadStages(ada, albumId, [{ body: await png(), name: 'a.png' }]);
    await bob.put('/api/users/ada/follow');
    await bob.put(`/api/albums/${albumId}/favorite`);
    expect((await bob.get('/api/users/me/favorites')).body.items).toHaveLength(1);
    expect((await bob.get('/api/feed')).body.items).toHaveLength(1);
    await ada.put('/api/users/bob/block');
    const dm = await bob.post('/api/chat/direct', { username: 'ada' });
    expect([dm.status, dm.body.code]).toEqual([403, 'BLOCKED']);
    expect((await bob.post('/api/chat/groups', { name: 'g', usernames: ['ada', 'cyd'] })).body.code).toBe(
      'BLOCKED',
    );
    const group = (await bob.post('/api/chat/groups', { name: 'g', usernames: ['cyd'] }))
      .body as Conversation;
    expect((await bob.post(`/api/chat/groups/${group.id}/members`, { username: 'ada' })).body.code).toBe(
      'BLOCKED',
    );
    expect((await bob.get('/api/users/ada')).status).toBe(404);
    expect((await bob.get('/api/users/ada/albums')).status).toBe(404);
    expect((await bob.get(`/api/albums/${albumId}`)).status).toBe(404);
    expect((await bob.get('/api/search?q=lagoon')).body.albums).toEqual([]);
    expect((await bob.get('/api/users/me/favorites')).body.items).toEqual([]);
    expect((await bob.get('/api/feed')).body.items).toEqual([]);
    // Signed out, or anyone else: unchanged.
    expect((await app.client().get(`/api/albums/${albumId}`)).status).toBe(200);
    expect((await cyd.get('/api/users/ada')).status).toBe(200);
    expect((await cyd.get('/api/search?q=lagoon')).body.albums).toHaveLength(1);
  });

  it('refuses chat:send on the socket into a direct conversation opened before the block', async () => {
    await ada.delete('/api/users/bob/block');
    const dm = (await bob.post('/api/chat/direct', { username: 'ada' })).body as Conversation;
    await ada.put('/api/users/bob/block');
    const socket = await connect(app, cookieOf(bob));
    const ack = await socket.emitWithAck('chat:send', { conversationId: dm.id, body: 'hi' });
    expect(ack).toMatchObject({ ok: false, error: expect.stringContaining('does not accept messages') });
    expect((await bob.post(`/api/chat/conversations/${dm.id}/messages`, { body: 'hi' })).status).toBe(403);
    // The blocker can still write (blocking is one-way).
    expect((await ada.post(`/api/chat/conversations/${dm.id}/messages`, { body: 'bye' })).status).toBe(201);
  });

  it("marks a blocked sender's messages in a shared group for the blocker only", async () => {
    await ada.delete('/api/users/bob/block');
    const group = (await ada.post('/api/chat/groups', { name: 'club', usernames: ['bob', 'cyd'] }))
      .body as Conversation;
    await ada.put('/api/users/bob/block');
    await bob.post(`/api/chat/conversations/${group.id}/messages`, { body: 'from bob' });
    const forAda = (await ada.get(`/api/chat/conversations/${group.id}/messages`)).body as Page<Message>;
    expect(forAda.items.find((m) => m.body === 'from bob')?.blockedSender).toBe(true);
    const forCyd = (await cyd.get(`/api/chat/conversations/${group.id}/messages`)).body as Page<Message>;
    expect(forCyd.items.find((m) => m.body === 'from bob')?.blockedSender).toBeUndefined();
    // Unblocking restores everything.
    expect((await ada.delete('/api/users/bob/block')).status).toBe(204);
    expect((await bob.get(`/api/albums/${albumId}`)).status).toBe(200);
    expect((await ada.get('/api/users/me/blocks')).body).toEqual([]);
  });
});
