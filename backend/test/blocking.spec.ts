import type { ArtworkCard, Conversation, Message, Page, SearchResult } from '@gallery/contracts';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { appModes } from './support/modes';
import { connect, cookieOf, disconnectAll, eventsDuring, nextEvent } from './support/sockets';
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
  it("marks a blocked sender's messages live for the blocker only, in a group and the public room, edits too", async () => {
    await ada.delete('/api/users/bob/block');
    const group = (await ada.post('/api/chat/groups', { name: 'live', usernames: ['bob', 'cyd'] }))
      .body as Conversation;
    await ada.put('/api/users/bob/block');
    const [forAda, forCyd] = [await connect(app, cookieOf(ada)), await connect(app, cookieOf(cyd))];
    const rooms = (await ada.get('/api/chat/conversations')).body as Conversation[];
    const publicId = rooms.find((c) => c.kind === 'public')!.id;
    for (const conversationId of [group.id, publicId]) {
      const [a, c] = [eventsDuring(forAda, 'chat:message'), nextEvent(forCyd, 'chat:message')];
      const sent = await bob.post(`/api/chat/conversations/${conversationId}/messages`, {
        body: 'hello all',
      });
      // One copy each: the blocker's marked (and only that one), the others' as before.
      expect((await a).filter((m) => m.id === sent.body.id)).toEqual([
        expect.objectContaining({ blockedSender: true }),
      ]);
      expect((await c).blockedSender).toBeUndefined();
    }
    // An edit replaces the message on screen: it stays marked for the blocker.
    const last = (await bob.post(`/api/chat/conversations/${group.id}/messages`, { body: 'v1' }))
      .body as Message;
    const [a, c] = [nextEvent(forAda, 'chat:updated'), nextEvent(forCyd, 'chat:updated')];
    await bob.patch(`/api/chat/messages/${last.id}`, { body: 'v2' });
    expect(await a).toMatchObject({ body: 'v2', blockedSender: true });
    expect((await c).blockedSender).toBeUndefined();
    // cyd's messages reach ada unmarked.
    const fromCyd = nextEvent(forAda, 'chat:message');
    await cyd.post(`/api/chat/conversations/${group.id}/messages`, { body: 'from cyd' });
    expect((await fromCyd).blockedSender).toBeUndefined();
    await ada.delete('/api/users/bob/block');
  });

  it("shows a blocked sender's last message collapsed in the blocker's conversation list, live too", async () => {
    await ada.delete('/api/users/bob/block');
    const group = (await ada.post('/api/chat/groups', { name: 'previews', usernames: ['bob', 'cyd'] }))
      .body as Conversation;
    await ada.put('/api/users/bob/block');
    const [forAda, forCyd] = [await connect(app, cookieOf(ada)), await connect(app, cookieOf(cyd))];
    const [a, c] = [nextEvent(forAda, 'conversation:updated'), nextEvent(forCyd, 'conversation:updated')];
    await bob.post(`/api/chat/conversations/${group.id}/messages`, { body: 'the last word' });
    expect((await a).lastMessage).toMatchObject({ body: 'the last word', blockedSender: true });
    expect((await c).lastMessage?.blockedSender).toBeUndefined();
    const entry = async (who: TestClient) =>
      ((await who.get('/api/chat/conversations')).body as Conversation[]).find((x) => x.id === group.id)!;
    expect((await entry(ada)).lastMessage?.blockedSender).toBe(true);
    expect((await entry(cyd)).lastMessage?.blockedSender).toBeUndefined();
    // A change that is not a send (a rename) pushes the entry again: still collapsed for ada.
    const renamed = nextEvent(forAda, 'conversation:updated');
    await ada.patch(`/api/chat/groups/${group.id}`, { name: 'previews 2' });
    expect((await renamed).lastMessage?.blockedSender).toBe(true);
    await ada.delete('/api/users/bob/block');
    expect((await entry(ada)).lastMessage?.blockedSender).toBeUndefined();
  });

  it("the blocker's own copy never carries a conversation they are not in", async () => {
    const group = (await cyd.post('/api/chat/groups', { name: 'no ada', usernames: ['bob'] }))
      .body as Conversation;
    await ada.put('/api/users/bob/block');
    const forAda = await connect(app, cookieOf(ada));
    const seen = eventsDuring(forAda, 'chat:message');
    await bob.post(`/api/chat/conversations/${group.id}/messages`, { body: 'not for ada' });
    expect((await seen).map((m) => m.body)).not.toContain('not for ada');
    await ada.delete('/api/users/bob/block');
  });

  describe('card lists', () => {
    let eve: TestClient; // blocks fay
    let fay: TestClient;
    let gus: TestClient;
    const ids: Record<string, string> = {};
    const GREEN = 135;

    /** A public artwork with one ready green stage: listed by explore, feed, search and the colour browse. */
    async function meadow(c: TestClient, name: string): Promise<void> {
      const album = await createArtwork(c, `Meadow ${name}`);
      await uploadStages(c, album.id, [{ body: await png(120, 90, '#20a040'), name: `${name}.png` }]);
      await settled(c, album.id);
      ids[name] = album.id;
    }

    /** Every page of a list, following nextCursor; `limit` per page. */
    async function pages(c: TestClient, path: string, limit = 2): Promise<string[][]> {
      const out: string[][] = [];
      let cursor: string | null = null;
      do {
        const sep = path.includes('?') ? '&' : '?';
        const res = await c.get(
          `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(res.status).toBe(200);
        const page = res.body as Page<ArtworkCard>;
        out.push(page.items.map((a) => a.id));
        cursor = page.nextCursor;
      } while (cursor && out.length < 20);
      return out;
    }
    const meadows = (lists: string[][]) => lists.flat().filter((id) => Object.values(ids).includes(id));

    beforeAll(async () => {
      [eve, fay, gus] = [app.client(), app.client(), app.client()];
      await eve.register('eve');
      await fay.register('fay');
      await gus.register('gus');
      // Interleaved, so fay's works sit between gus's on every page.
      await meadow(eve, 'eve1');
      for (const n of [1, 2, 3]) {
        await meadow(gus, `gus${n}`);
        await meadow(fay, `fay${n}`);
      }
      await eve.put('/api/users/fay/follow');
      await eve.put('/api/users/gus/follow');
      await eve.put(`/api/albums/${ids.fay1}/favorite`);
      await eve.put('/api/users/fay/block');
    });

    it("keeps a blocked painter's works out of the blocker's explore, with full pages and exact cursors", async () => {
      const { eve1, gus1, gus2, gus3 } = ids;
      for (const list of [`/api/albums`, `/api/albums?sort=popular`, `/api/albums?hue=${GREEN}`]) {
        const seen = await pages(eve, list);
        // Every page but the last is full, and nothing repeats.
        expect(seen.slice(0, -1).every((p) => p.length === 2)).toBe(true);
        expect(new Set(seen.flat()).size).toBe(seen.flat().length);
        expect(meadows(seen)).toEqual([gus3, gus2, gus1, eve1]);
      }
      // Signed out, or another painter: everything.
      for (const c of [app.client(), gus])
        expect(meadows(await pages(c, `/api/albums?hue=${GREEN}`, 3))).toHaveLength(7);
    });

    it('works both ways: the blocked painter no longer finds the blocker in explore or the colour browse', async () => {
      for (const list of [`/api/albums`, `/api/albums?sort=popular`, `/api/albums?hue=${GREEN}`]) {
        const seen = meadows(await pages(fay, list, 3));
        expect(seen).not.toContain(ids.eve1);
        expect(seen).toHaveLength(6);
      }
    });

    it("keeps them out of the blocker's feed, favourites and search; their own page stays reachable", async () => {
      const { eve1, gus1, gus2, gus3 } = ids;
      expect(meadows(await pages(eve, '/api/feed'))).toEqual([gus3, gus2, gus1]);
      expect((await eve.get('/api/users/me/favorites')).body.items).toEqual([]);
      const found = (await eve.get('/api/search?q=meadow')).body as SearchResult;
      expect(found.albums.map((a) => a.id).sort()).toEqual([eve1, gus1, gus2, gus3].sort());
      expect(((await gus.get('/api/search?q=meadow')).body as SearchResult).albums).toHaveLength(7);
      // Opening the painter by name is a choice: their page (and "more by" on their artwork) still lists them.
      expect(meadows(await pages(eve, '/api/users/fay/albums', 3))).toEqual([ids.fay3, ids.fay2, ids.fay1]);
    });

    it('brings everything back on unblocking', async () => {
      await eve.delete('/api/users/fay/block');
      expect(meadows(await pages(eve, `/api/albums?hue=${GREEN}`, 3))).toHaveLength(7);
      expect(meadows(await pages(eve, '/api/feed', 3))).toHaveLength(6);
      expect((await eve.get('/api/users/me/favorites')).body.items.map((a: ArtworkCard) => a.id)).toEqual([
        ids.fay1,
      ]);
      expect(meadows(await pages(fay, '/api/albums', 3))).toContain(ids.eve1);
    });
  });
});
