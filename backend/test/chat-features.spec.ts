import type { ChatSearchResult, Conversation, Message, Page } from '@gallery/contracts';
import { DomainEvents } from '../src/events/domain-events';
import { appModes } from './support/modes';
import { connect, cookieOf, disconnectAll, eventsDuring, nextEvent } from './support/sockets';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** Edits, deletions, reactions, replies, search, mentions and pins (issue #15, part 3). */
describe.each(appModes())('chat features — %s', (_name, options) => {
  let app: TestApp;
  let ada: TestClient, ben: TestClient, cyd: TestClient;
  let group: Conversation;
  const mentioned: { userIds: string[]; messageId: string; conversationId: string }[] = [];

  async function person(name: string): Promise<TestClient> {
    const c = app.client();
    await c.register(name, 'correct horse', name[0]!.toUpperCase() + name.slice(1));
    return c;
  }

  async function say(who: TestClient, conversationId: string, body: string, replyToId?: string) {
    const res = await who.post(`/api/chat/conversations/${conversationId}/messages`, { body, replyToId });
    if (res.status !== 201) throw new Error(`send: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Message;
  }

  beforeAll(async () => {
    app = await TestApp.start(options);
    app.get(DomainEvents).onCommitted('chat.mentioned', (p) => void mentioned.push(p));
    ada = await person('ada');
    ben = await person('ben');
    cyd = await person('cyd');
    // ada admins a group with ben; cyd is outside it.
    group = (await ada.post('/api/chat/groups', { name: 'Studio', usernames: ['ben'] })).body as Conversation;
  });
  afterEach(() => disconnectAll());
  afterAll(() => app.close());

  describe('edit', () => {
    it('lets the sender edit (editedAt, chat:updated to the room) and no one else', async () => {
      const m = await say(ada, group.id, 'first draft');
      expect(m).toMatchObject({
        editedAt: null,
        deletedAt: null,
        replyTo: null,
        reactions: [],
        mentions: [],
      });
      const benSocket = await connect(app, cookieOf(ben));
      const heard = nextEvent(benSocket, 'chat:updated');
      const res = await ada.patch(`/api/chat/messages/${m.id}`, { body: '  final draft ' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: m.id, body: 'final draft' });
      expect(typeof (res.body as Message).editedAt).toBe('string');
      expect(await heard).toMatchObject({ id: m.id, body: 'final draft' });

      const other = await ben.patch(`/api/chat/messages/${m.id}`, { body: 'hijack' });
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('NOT_MESSAGE_SENDER');
      expect((await cyd.patch(`/api/chat/messages/${m.id}`, { body: 'x' })).body.code).toBe(
        'MESSAGE_NOT_FOUND',
      );
      expect((await ada.patch(`/api/chat/messages/${m.id}`, { body: '' })).status).toBe(400);
      const history = (await ben.get(`/api/chat/conversations/${group.id}/messages`)).body as Page<Message>;
      expect(history.items.find((x) => x.id === m.id)!.body).toBe('final draft');
    });
  });

  describe('delete', () => {
    it('leaves a tombstone for everyone (chat:removed); group admins delete any, members only theirs', async () => {
      const own = await say(ben, group.id, 'oops');
      const adaSocket = await connect(app, cookieOf(ada));
      const removed = nextEvent(adaSocket, 'chat:removed');
      expect((await ben.delete(`/api/chat/messages/${own.id}`)).status).toBe(204);
      expect(await removed).toEqual({ conversationId: group.id, messageId: own.id });

      const byAda = await say(ada, group.id, 'admin post');
      expect((await ben.delete(`/api/chat/messages/${byAda.id}`)).status).toBe(403);
      const byBen = await say(ben, group.id, 'rude words');
      expect((await ada.delete(`/api/chat/messages/${byBen.id}`)).status).toBe(204);
      expect((await cyd.delete(`/api/chat/messages/${byAda.id}`)).status).toBe(404);

      const history = (await ben.get(`/api/chat/conversations/${group.id}/messages`)).body as Page<Message>;
      const tomb = history.items.find((x) => x.id === own.id)!;
      expect(tomb).toMatchObject({ body: '', attachment: null, reactions: [] });
      expect(typeof tomb.deletedAt).toBe('string');
      expect((await ben.patch(`/api/chat/messages/${own.id}`, { body: 'again' })).status).toBe(409);
      expect((await ben.delete(`/api/chat/messages/${own.id}`)).status).toBe(204);
    });

    it('does not let anyone but the sender delete in the public room or a direct conversation', async () => {
      const m = await say(ben, 'public', 'public words');
      expect((await ada.delete(`/api/chat/messages/${m.id}`)).status).toBe(403);
      const direct = (await ada.post('/api/chat/direct', { username: 'ben' })).body as Conversation;
      const d = await say(ben, direct.id, 'direct words');
      expect((await ada.delete(`/api/chat/messages/${d.id}`)).status).toBe(403);
      expect((await ben.delete(`/api/chat/messages/${m.id}`)).status).toBe(204);
    });
  });

  describe('reactions', () => {
    it('counts reactions per emoji with mine and names, idempotent both ways, over REST and the socket', async () => {
      const m = await say(ada, group.id, 'new painting!');
      const adaSocket = await connect(app, cookieOf(ada));
      const heard = nextEvent(adaSocket, 'chat:updated');
      const thumbs = encodeURIComponent('👍');
      const res = await ben.put(`/api/chat/messages/${m.id}/reactions/${thumbs}`);
      expect(res.status).toBe(200);
      expect((res.body as Message).reactions).toEqual([
        { emoji: '👍', count: 1, mine: true, users: [{ id: expect.any(String), displayName: 'Ben' }] },
      ]);
      expect((await heard).reactions).toMatchObject([{ emoji: '👍', count: 1, mine: false }]);
      await ben.put(`/api/chat/messages/${m.id}/reactions/${thumbs}`);
      await ada.put(`/api/chat/messages/${m.id}/reactions/${thumbs}`);
      const heart = await ada.put(`/api/chat/messages/${m.id}/reactions/${encodeURIComponent('❤️')}`);
      expect((heart.body as Message).reactions).toMatchObject([
        { emoji: '👍', count: 2, mine: true },
        { emoji: '❤️', count: 1, mine: true },
      ]);
      const back = await ben.delete(`/api/chat/messages/${m.id}/reactions/${thumbs}`);
      expect((back.body as Message).reactions).toMatchObject([
        { emoji: '👍', count: 1, mine: false },
        { emoji: '❤️', count: 1, mine: false },
      ]);
    });

    it('refuses emoji outside the set (400) and conversations you are not in (404)', async () => {
      const m = await say(ada, group.id, 'react to me');
      const bad = await ben.put(`/api/chat/messages/${m.id}/reactions/${encodeURIComponent('💩')}`);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect((await cyd.put(`/api/chat/messages/${m.id}/reactions/${encodeURIComponent('👍')}`)).status).toBe(
        404,
      );
      // Everyone is in the public room.
      const p = await say(ada, 'public', 'public react');
      expect((await cyd.put(`/api/chat/messages/${p.id}/reactions/${encodeURIComponent('🎨')}`)).status).toBe(
        200,
      );
    });
  });

  describe('replies', () => {
    it('quotes the original (excerpt ≤ 140) and refuses one from another conversation', async () => {
      const long = 'x'.repeat(300);
      const original = await say(ada, group.id, long);
      const benSocket = await connect(app, cookieOf(ben));
      const heard = nextEvent(benSocket, 'chat:message', 3000, (m) => m.body === 'agreed');
      const ack = (await benSocket.emitWithAck('chat:send', {
        conversationId: group.id,
        body: 'agreed',
        replyToId: original.id,
      })) as { ok: true; message: Message };
      expect(ack.ok).toBe(true);
      expect(ack.message.replyTo).toMatchObject({
        id: original.id,
        sender: { username: 'ada' },
        deleted: false,
      });
      expect(ack.message.replyTo!.body.length).toBeLessThanOrEqual(140);
      expect((await heard).replyTo!.id).toBe(original.id);

      const elsewhere = await say(ada, 'public', 'in public');
      const res = await ben.post(`/api/chat/conversations/${group.id}/messages`, {
        body: 'wrong place',
        replyToId: elsewhere.id,
      });
      expect(res.status).toBe(404);
      const history = (await ben.get(`/api/chat/conversations/${group.id}/messages`)).body as Page<Message>;
      expect(history.items.at(-1)!.replyTo!.id).toBe(original.id);
    });

    it('loads the history around a message', async () => {
      const sent: Message[] = [];
      for (let i = 0; i < 8; i++) sent.push(await say(ada, group.id, `around ${i}`));
      const page = (
        await ben.get(`/api/chat/conversations/${group.id}/messages?around=${sent[3]!.id}&limit=4`)
      ).body as Page<Message>;
      expect(page.items.map((m) => m.body)).toEqual(['around 1', 'around 2', 'around 3', 'around 4']);
      expect(page.nextCursor).toBe(sent[1]!.id);
      expect(
        (await cyd.get(`/api/chat/conversations/${group.id}/messages?around=${sent[3]!.id}`)).status,
      ).toBe(404);
    });
  });

  describe('search', () => {
    it('finds words in your conversations and the public room only, not deleted ones', async () => {
      const inGroup = await say(ada, group.id, 'Cerulean sky study');
      const inPublic = await say(cyd, 'public', 'my cerulean palette');
      const direct = (await cyd.post('/api/chat/direct', { username: 'ada' })).body as Conversation;
      const secret = await say(cyd, direct.id, 'cerulean secret');
      const gone = await say(ada, group.id, 'cerulean mistake');
      await ada.delete(`/api/chat/messages/${gone.id}`);

      const forBen = (await ben.get('/api/chat/search?q=CERUL')).body as ChatSearchResult;
      expect(forBen.items.map((m) => m.id)).toEqual([inPublic.id, inGroup.id]);
      const forCyd = (await cyd.get('/api/chat/search?q=cerulean')).body as ChatSearchResult;
      expect(forCyd.items.map((m) => m.id)).toEqual([secret.id, inPublic.id]);
      const two = (await ben.get('/api/chat/search?q=sky%20cerulean')).body as ChatSearchResult;
      expect(two.items.map((m) => m.id)).toEqual([inGroup.id]);

      await ada.patch(`/api/chat/messages/${inGroup.id}`, { body: 'Ultramarine sky study' });
      expect(
        ((await ben.get('/api/chat/search?q=cerulean')).body as ChatSearchResult).items.map((m) => m.id),
      ).toEqual([inPublic.id]);
      expect((await ben.get('/api/chat/search?q=')).status).toBe(400);
      expect((await app.client().get('/api/chat/search?q=sky')).status).toBe(401);
    });
  });

  describe('mentions', () => {
    it('stores @mentions of members (groups) and anyone (public room) and publishes chat.mentioned', async () => {
      mentioned.length = 0;
      const m = await say(ada, group.id, 'hey @ben and @cyd, mail me at x@ben.com, @ada');
      expect(m.mentions).toEqual([{ id: expect.any(String), username: 'ben' }]);
      const p = await say(ada, 'public', '@CYD look');
      expect(p.mentions.map((x) => x.username)).toEqual(['cyd']);
      const direct = (await ada.post('/api/chat/direct', { username: 'ben' })).body as Conversation;
      expect((await say(ada, direct.id, '@ben hi')).mentions).toEqual([]);
      await new Promise((r) => setTimeout(r, 50));
      expect(mentioned).toEqual([
        { userIds: [m.mentions[0]!.id], messageId: m.id, conversationId: group.id },
        { userIds: [p.mentions[0]!.id], messageId: p.id, conversationId: 'public' },
      ]);
    });
  });

  describe('pins', () => {
    it('lets group admins pin and unpin (conversation:updated), not members or other conversations', async () => {
      const m = await say(ben, group.id, 'meeting on Friday');
      const benSocket = await connect(app, cookieOf(ben));
      const updated = nextEvent(benSocket, 'conversation:updated');
      const res = await ada.put(`/api/chat/conversations/${group.id}/pins/${m.id}`);
      expect(res.status).toBe(200);
      expect((res.body as Conversation).pinned).toMatchObject([{ id: m.id, body: 'meeting on Friday' }]);
      expect((await updated).pinned.map((q) => q.id)).toEqual([m.id]);
      expect((await ben.put(`/api/chat/conversations/${group.id}/pins/${m.id}`)).status).toBe(403);
      const pub = await say(ada, 'public', 'not here');
      expect((await ada.put(`/api/chat/conversations/${group.id}/pins/${pub.id}`)).status).toBe(404);
      expect((await ada.put('/api/chat/conversations/public/pins/' + pub.id)).status).toBe(400);
      const list = (await ben.get('/api/chat/conversations')).body as Conversation[];
      expect(list.find((c) => c.id === group.id)!.pinned.map((q) => q.id)).toEqual([m.id]);
      const off = await ada.delete(`/api/chat/conversations/${group.id}/pins/${m.id}`);
      expect((off.body as Conversation).pinned).toEqual([]);
      // A deleted message leaves the pins.
      await ada.put(`/api/chat/conversations/${group.id}/pins/${m.id}`);
      const quiet = eventsDuring(benSocket, 'conversation:updated', 400);
      await ben.delete(`/api/chat/messages/${m.id}`);
      expect((await quiet).at(-1)!.pinned).toEqual([]);
    });
  });
});
