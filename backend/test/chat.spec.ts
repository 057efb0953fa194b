import sharp from 'sharp';
import type { Conversation, Message, Page } from '@gallery/contracts';
import { png } from './support/images';
import { appModes } from './support/modes';
import {
  connect,
  cookieOf,
  disconnectAll,
  eventsDuring,
  nextEvent,
  refusal,
  snapshotOnConnect,
} from './support/sockets';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

describe.each(appModes())('chat — %s', (_name, options) => {
  let app: TestApp;
  const people: Record<string, TestClient> = {};

  async function person(name: string): Promise<TestClient> {
    const c = app.client();
    await c.register(name, 'correct horse', name[0]!.toUpperCase() + name.slice(1));
    people[name] = c;
    return c;
  }

  beforeAll(async () => {
    app = await TestApp.start(options);
    for (const n of ['ada', 'ben', 'cyd']) await person(n);
  });
  afterEach(() => disconnectAll());
  afterAll(() => app.close());

  describe('public room and presence', () => {
    it('refuses a socket without a session', async () => {
      expect(await refusal(app)).toBe('unauthorized');
    });

    it('shows who is online, counting several tabs as one person, and says when someone leaves', async () => {
      const ada = await connect(app, cookieOf(people.ada!));
      const joined = nextEvent(ada, 'presence:update');
      const ben1 = await connect(app, cookieOf(people.ben!));
      expect(await joined).toMatchObject({ user: { username: 'ben' }, online: true });
      // A second tab of ben's announces nothing new.
      const quiet = eventsDuring(ada, 'presence:update', 500);
      const ben2 = await connect(app, cookieOf(people.ben!));
      expect(await quiet).toEqual([]);
      ben1.disconnect();
      expect(await eventsDuring(ada, 'presence:update', 500)).toEqual([]);
      const left = nextEvent(ada, 'presence:update');
      ben2.disconnect();
      expect(await left).toMatchObject({ user: { username: 'ben' }, online: false });
    });

    it('sends the online list on connect, with each person once', async () => {
      await connect(app, cookieOf(people.ada!));
      await connect(app, cookieOf(people.ada!));
      const list = await snapshotOnConnect(app, cookieOf(people.ben!));
      expect(list.map((u) => u.username).sort()).toEqual(['ada', 'ben']);
    });

    it('delivers public messages to everyone signed in and keeps them in history', async () => {
      const ada = await connect(app, cookieOf(people.ada!));
      const cy = await connect(app, cookieOf(people.cyd!));
      const heard = nextEvent(cy, 'chat:message');
      const ack = await ada.emitWithAck('chat:send', { conversationId: 'public', body: '  Hello, room  ' });
      expect(ack).toMatchObject({
        ok: true,
        message: { body: 'Hello, room', sender: { username: 'ada' }, conversationId: 'public' },
      });
      expect(await heard).toMatchObject({ body: 'Hello, room' });
      const history = (await people.cyd!.get('/api/chat/conversations/public/messages'))
        .body as Page<Message>;
      expect(history.items.at(-1)!.body).toBe('Hello, room');
      const list = (await people.ben!.get('/api/chat/conversations')).body as Conversation[];
      expect(list[0]).toMatchObject({ id: 'public', kind: 'public' });
    });
  });

  describe('public room unread count', () => {
    const room = async (c: TestClient) =>
      ((await c.get('/api/chat/conversations')).body as Conversation[]).find((x) => x.id === 'public')!;
    const post = async (c: TestClient, body: string) =>
      (await c.post('/api/chat/conversations/public/messages', { body })).body as Message;
    /** Reads the room up to its newest message, as opening it does. */
    const readAll = async (c: TestClient) => {
      const socket = await connect(app, cookieOf(c));
      const newest = ((await c.get('/api/chat/conversations/public/messages?limit=1')).body as Page<Message>)
        .items[0]!;
      expect(
        await socket.emitWithAck('chat:read', { conversationId: 'public', messageId: newest.id }),
      ).toEqual({
        ok: true,
      });
      return socket;
    };

    it('counts messages from others since my last read, not my own, and resets when I read', async () => {
      const ivy = await person('ivy');
      const jon = await person('jon');
      await post(jon, 'Anyone painting today?');
      const ivySocket = await readAll(ivy);
      const ivyOtherTab = await connect(app, cookieOf(ivy));
      const jonSocket = await connect(app, cookieOf(jon));
      expect((await room(ivy)).unreadCount).toBe(0);

      // No conversation:updated per public message: each client counts the chat:message it gets.
      const pushed = eventsDuring(jonSocket, 'conversation:updated', 600);
      const pushedToIvy = eventsDuring(ivySocket, 'conversation:updated', 600);
      await post(jon, 'The light is good at the harbour.');
      await post(ivy, 'On my way!');
      const last = await post(jon, 'Bring the ochre.');
      expect(await pushed).toEqual([]);
      expect(await pushedToIvy).toEqual([]);
      expect(await room(ivy)).toMatchObject({ unreadCount: 2, lastMessage: { id: last.id } });

      // Reading tells only Ivy's own tabs, with the count as it is now.
      const otherTab = nextEvent(ivyOtherTab, 'conversation:updated');
      const jonHears = eventsDuring(jonSocket, 'conversation:updated', 600);
      const jonReceipts = eventsDuring(jonSocket, 'chat:read', 600);
      expect(
        await ivySocket.emitWithAck('chat:read', { conversationId: 'public', messageId: last.id }),
      ).toEqual({
        ok: true,
      });
      expect(await otherTab).toMatchObject({ id: 'public', kind: 'public', members: [], unreadCount: 0 });
      expect(await jonHears).toEqual([]);
      expect(await jonReceipts).toEqual([]);
      expect((await room(ivy)).unreadCount).toBe(0);

      // An older message read late does not move the position back.
      const earlier = (
        (await ivy.get('/api/chat/conversations/public/messages?limit=3')).body as Page<Message>
      ).items[0]!;
      expect(
        await ivySocket.emitWithAck('chat:read', { conversationId: 'public', messageId: earlier.id }),
      ).toEqual({ ok: true });
      expect((await room(ivy)).unreadCount).toBe(0);
      await post(jon, 'See you there.');
      expect((await room(ivy)).unreadCount).toBe(1);
    });

    it('refuses reading a message that is not in the public room, and the count stays', async () => {
      const kit = await person('kit');
      await readAll(kit);
      await post(people.ben!, 'Morning!');
      const kitSocket = await connect(app, cookieOf(kit));
      const { id } = (await kit.post('/api/chat/direct', { username: 'ben' })).body as Conversation;
      const direct = (await kit.post(`/api/chat/conversations/${id}/messages`, { body: 'Hi Ben' }))
        .body as Message;
      for (const messageId of [direct.id, 'not-a-message']) {
        expect(await kitSocket.emitWithAck('chat:read', { conversationId: 'public', messageId })).toEqual({
          ok: false,
          error: 'no such message in this conversation',
          code: 'MESSAGE_NOT_FOUND',
        });
      }
      expect((await room(kit)).unreadCount).toBe(1);
    });

    it('never counts past 99, however much was said', async () => {
      const lea = await person('lea');
      await readAll(lea);
      for (let i = 0; i < 105; i++) await post(people.cyd!, `note ${i}`);
      expect((await room(lea)).unreadCount).toBe(99);
      await readAll(lea);
      expect((await room(lea)).unreadCount).toBe(0);
    });

    it('starts a newcomer from when they joined, not from the beginning of the room', async () => {
      await post(people.ben!, 'Said before anyone new came.');
      // Sign-up times are stored to the second on SQLite.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const mia = await person('mia');
      expect((await room(mia)).unreadCount).toBe(0);
      await post(people.ben!, 'Welcome, Mia!');
      expect((await room(mia)).unreadCount).toBe(1);
    });
  });

  describe('direct conversations', () => {
    it('has one conversation per pair, with typing, read receipts and unread counts', async () => {
      const first = await people.ada!.post('/api/chat/direct', { username: 'ben' });
      expect(first.status).toBe(201);
      const again = await people.ben!.post('/api/chat/direct', { username: 'ADA' });
      expect(again.status).toBe(200);
      const id = (first.body as Conversation).id;
      expect((again.body as Conversation).id).toBe(id);
      expect((first.body as Conversation).members.map((m) => m.username).sort()).toEqual(['ada', 'ben']);

      const ada = await connect(app, cookieOf(people.ada!));
      const ben = await connect(app, cookieOf(people.ben!));
      const typing = nextEvent(ben, 'chat:typing');
      await ada.emitWithAck('chat:typing', { conversationId: id });
      expect(await typing).toEqual({
        conversationId: id,
        user: expect.objectContaining({ username: 'ada' }),
      });

      const sent = (await ada.emitWithAck('chat:send', {
        conversationId: id,
        body: 'Saw your harbour!',
      })) as { message: Message };
      const list = (await people.ben!.get('/api/chat/conversations')).body as Conversation[];
      expect(list.find((c) => c.id === id)).toMatchObject({
        unreadCount: 1,
        lastMessage: { body: 'Saw your harbour!' },
      });
      const receipt = nextEvent(ada, 'chat:read');
      expect(await ben.emitWithAck('chat:read', { conversationId: id, messageId: sent.message.id })).toEqual({
        ok: true,
      });
      expect(await receipt).toEqual({
        conversationId: id,
        userId: expect.any(String),
        messageId: sent.message.id,
      });
      const after = (await people.ben!.get('/api/chat/conversations')).body as Conversation[];
      expect(after.find((c) => c.id === id)!.unreadCount).toBe(0);
    });

    it("shows each member's read position, from chat:read on and after a reload, never going back", async () => {
      const eve = await person('eve');
      const fin = await person('fin');
      const opened = (await eve.post('/api/chat/direct', { username: 'fin' })).body as Conversation;
      const reads = (c: Conversation) => Object.fromEntries(c.members.map((m) => [m.username, m.lastReadId]));
      expect(reads(opened)).toEqual({ eve: null, fin: null });
      const say = async (body: string) =>
        (await eve.post(`/api/chat/conversations/${opened.id}/messages`, { body })).body as Message;
      const first = await say('Did you see the harbour?');
      const second = await say('And the pier, at dusk?');

      const eveSocket = await connect(app, cookieOf(eve));
      const finSocket = await connect(app, cookieOf(fin));
      const receipt = nextEvent(eveSocket, 'chat:read');
      expect(
        await finSocket.emitWithAck('chat:read', { conversationId: opened.id, messageId: first.id }),
      ).toEqual({ ok: true });
      expect(await receipt).toEqual({
        conversationId: opened.id,
        userId: opened.members.find((m) => m.username === 'fin')!.id,
        messageId: first.id,
      });

      // What a reloaded page gets: the list, and the conversation as opening it again answers.
      const listed = async (c: TestClient) =>
        ((await c.get('/api/chat/conversations')).body as Conversation[]).find((x) => x.id === opened.id)!;
      // Sending counts as reading what one sent.
      expect(reads(await listed(eve))).toEqual({ eve: second.id, fin: first.id });
      expect(reads(await listed(fin))).toEqual({ eve: second.id, fin: first.id });
      expect(reads((await fin.post('/api/chat/direct', { username: 'eve' })).body as Conversation)).toEqual({
        eve: second.id,
        fin: first.id,
      });

      // A late receipt for an older message changes nothing and announces nothing.
      await finSocket.emitWithAck('chat:read', { conversationId: opened.id, messageId: second.id });
      const quiet = eventsDuring(eveSocket, 'chat:read', 400);
      expect(
        await finSocket.emitWithAck('chat:read', { conversationId: opened.id, messageId: first.id }),
      ).toEqual({ ok: true });
      expect(await quiet).toEqual([]);
      expect(reads(await listed(eve))).toEqual({ eve: second.id, fin: second.id });
    });

    it('refuses a read receipt for a message elsewhere, or a conversation one is not in, changing nothing', async () => {
      const gil = await person('gil');
      const { id } = (await gil.post('/api/chat/direct', { username: 'ada' })).body as Conversation;
      const mine = (await gil.post(`/api/chat/conversations/${id}/messages`, { body: 'Hello Ada' }))
        .body as Message;
      const elsewhere = (
        await people.ben!.post('/api/chat/conversations/public/messages', { body: 'Hi all' })
      ).body as Message;
      const ada = await connect(app, cookieOf(people.ada!));
      const before = ((await people.ada!.get('/api/chat/conversations')).body as Conversation[]).find(
        (c) => c.id === id,
      )!;
      expect(before.unreadCount).toBe(1);
      for (const [payload, error, code] of [
        [
          { conversationId: id, messageId: elsewhere.id },
          'no such message in this conversation',
          'MESSAGE_NOT_FOUND',
        ],
        [
          { conversationId: id, messageId: 'not-a-message' },
          'no such message in this conversation',
          'MESSAGE_NOT_FOUND',
        ],
        [
          { conversationId: 'public', messageId: mine.id },
          'no such message in this conversation',
          'MESSAGE_NOT_FOUND',
        ],
        [{ conversationId: id, messageId: '' }, 'messageId is required', 'VALIDATION_FAILED'],
      ] as const) {
        expect(await ada.emitWithAck('chat:read', payload)).toEqual({ ok: false, error, code });
      }
      const cy = await connect(app, cookieOf(people.cyd!));
      expect(await cy.emitWithAck('chat:read', { conversationId: id, messageId: mine.id })).toEqual({
        ok: false,
        error: 'no such conversation',
        code: 'CONVERSATION_NOT_FOUND',
      });
      const after = ((await people.ada!.get('/api/chat/conversations')).body as Conversation[]).find(
        (c) => c.id === id,
      )!;
      expect(after).toEqual(before);
    });

    it('deleting clears my history only; the conversation returns, empty, with the next message', async () => {
      const { id } = (await people.ada!.post('/api/chat/direct', { username: 'cyd' })).body as Conversation;
      await people.ada!.post(`/api/chat/conversations/${id}/messages`, { body: 'first' });
      await people.cyd!.post(`/api/chat/conversations/${id}/messages`, { body: 'second' });
      expect((await people.cyd!.delete(`/api/chat/conversations/${id}`)).status).toBe(204);
      const cyList = async () =>
        ((await people.cyd!.get('/api/chat/conversations')).body as Conversation[]).map((c) => c.id);
      expect(await cyList()).not.toContain(id);
      const bodies = async (c: TestClient) =>
        ((await c.get(`/api/chat/conversations/${id}/messages`)).body as Page<Message>).items.map(
          (m) => m.body,
        );
      expect(await bodies(people.ada!)).toEqual(['first', 'second']);
      expect(await bodies(people.cyd!)).toEqual([]);
      await people.ada!.post(`/api/chat/conversations/${id}/messages`, { body: 'third' });
      expect(await cyList()).toContain(id);
      expect(await bodies(people.cyd!)).toEqual(['third']);
      expect(await bodies(people.ada!)).toEqual(['first', 'second', 'third']);
    });

    it('refuses messaging yourself (400) and unknown painters (404)', async () => {
      expect((await people.ada!.post('/api/chat/direct', { username: 'ada' })).status).toBe(400);
      expect((await people.ada!.post('/api/chat/direct', { username: 'nobody_here' })).status).toBe(404);
    });

    it('keeps outsiders out: no reading, sending or deleting (404), and no live messages', async () => {
      const { id } = (await people.ada!.post('/api/chat/direct', { username: 'ben' })).body as Conversation;
      const cy = await connect(app, cookieOf(people.cyd!));
      const overheard = eventsDuring(cy, 'chat:message', 600);
      await people.ada!.post(`/api/chat/conversations/${id}/messages`, { body: 'just us' });
      for (const res of [
        await people.cyd!.get(`/api/chat/conversations/${id}/messages`),
        await people.cyd!.post(`/api/chat/conversations/${id}/messages`, { body: 'let me in' }),
        await people.cyd!.delete(`/api/chat/conversations/${id}`),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({
          statusCode: 404,
          error: 'Not Found',
          message: 'no such conversation',
          code: 'CONVERSATION_NOT_FOUND',
        });
      }
      expect(await cy.emitWithAck('chat:send', { conversationId: id, body: 'hi' })).toEqual({
        ok: false,
        error: 'no such conversation',
        code: 'CONVERSATION_NOT_FOUND',
      });
      expect(await overheard).toEqual([]);
    });
  });

  describe('messages: bad input and floods', () => {
    it.each([
      ['an empty body', '   '],
      ['a 2001-character body', 'x'.repeat(2001)],
    ])('refuses %s (400 and an ack error) and stores nothing', async (_what, body) => {
      const before = (
        (await people.ada!.get('/api/chat/conversations/public/messages?limit=100')).body as Page<Message>
      ).items.length;
      const res = await people.ada!.post('/api/chat/conversations/public/messages', { body });
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(['body must be 1 to 2000 characters']);
      const ada = await connect(app, cookieOf(people.ada!));
      expect(await ada.emitWithAck('chat:send', { conversationId: 'public', body })).toEqual({
        ok: false,
        error: 'body must be 1 to 2000 characters',
        code: 'VALIDATION_FAILED',
      });
      expect(
        ((await people.ada!.get('/api/chat/conversations/public/messages?limit=100')).body as Page<Message>)
          .items,
      ).toHaveLength(before);
    });

    it('stores HTML as text, exactly as typed', async () => {
      const body = '<script>alert("x")</script><img src=x onerror=alert(1)>';
      const res = await people.ben!.post('/api/chat/conversations/public/messages', { body });
      expect(res.status).toBe(201);
      expect((res.body as Message).body).toBe(body);
    });
  });

  describe('groups', () => {
    it('creator is admin; admins rename, add, promote and remove; members leave; the eldest takes over', async () => {
      const dan = await person('dan');
      const res = await people.ada!.post('/api/chat/groups', {
        name: 'Plein air',
        usernames: ['ben', 'cyd'],
      });
      expect(res.status).toBe(201);
      const group = res.body as Conversation;
      expect(group.members.map((m) => [m.username, m.role])).toEqual([
        ['ada', 'admin'],
        ['ben', 'member'],
        ['cyd', 'member'],
      ]);
      const id = group.id;
      expect((await people.ben!.patch(`/api/chat/groups/${id}`, { name: 'Mine now' })).status).toBe(403);
      expect((await people.ada!.patch(`/api/chat/groups/${id}`, { name: 'Plein air club' })).body.name).toBe(
        'Plein air club',
      );
      expect((await people.ada!.post(`/api/chat/groups/${id}/members`, { username: 'dan' })).status).toBe(
        200,
      );
      expect((await dan.get(`/api/chat/conversations/${id}/messages`)).status).toBe(200);

      // A removed member stops receiving at once.
      const cySocket = await connect(app, cookieOf(people.cyd!));
      expect((await people.ada!.delete(`/api/chat/groups/${id}/members/cyd`)).status).toBe(204);
      const overheard = eventsDuring(cySocket, 'chat:message', 600);
      await people.ada!.post(`/api/chat/conversations/${id}/messages`, { body: 'after cyd left' });
      expect(await overheard).toEqual([]);
      expect((await people.cyd!.get(`/api/chat/conversations/${id}/messages`)).status).toBe(404);

      // The last admin leaves: ben, the longest-standing member, becomes admin.
      expect((await people.ada!.delete(`/api/chat/groups/${id}/members/ada`)).status).toBe(204);
      const now = (await people.ben!.get('/api/chat/conversations')).body as Conversation[];
      expect(now.find((c) => c.id === id)!.members.map((m) => [m.username, m.role])).toEqual([
        ['ben', 'admin'],
        ['dan', 'member'],
      ]);
      expect(
        (await people.ben!.patch(`/api/chat/groups/${id}/members/dan`, { role: 'admin' })).body.members[1]
          .role,
      ).toBe('admin');
    });

    it('refuses non-admin removals (403), outsiders (404), unknown members (404) and bad names (400)', async () => {
      const { id } = (await people.ada!.post('/api/chat/groups', { name: 'Sketchers', usernames: ['ben'] }))
        .body as Conversation;
      expect((await people.ben!.delete(`/api/chat/groups/${id}/members/ada`)).status).toBe(403);
      expect((await people.cyd!.post(`/api/chat/groups/${id}/members`, { username: 'cyd' })).status).toBe(
        404,
      );
      expect(
        (await people.ada!.post('/api/chat/groups', { name: 'x', usernames: ['ghost_user'] })).status,
      ).toBe(404);
      expect((await people.ada!.post('/api/chat/groups', { name: '', usernames: [] })).status).toBe(400);
      expect((await people.ada!.patch(`/api/chat/groups/${id}`, { name: 'n'.repeat(61) })).status).toBe(400);
    });
  });

  describe('attachments', () => {
    let id: string;
    beforeAll(async () => {
      id = ((await people.ada!.post('/api/chat/direct', { username: 'ben' })).body as Conversation).id;
    });

    it('sends an image with a thumbnail, and a PDF as a download', async () => {
      const image = await people.ada!.upload('post', `/api/chat/conversations/${id}/attachments`, 'file', [
        { body: await png(800, 600), name: 'sketch.png' },
      ]);
      expect(image.status).toBe(201);
      expect((image.body as Message).attachment).toMatchObject({
        mime: 'image/png',
        width: 800,
        height: 600,
        thumbUrl: expect.any(String),
      });
      const pdf = await people.ada!.upload('post', `/api/chat/conversations/${id}/attachments`, 'file', [
        { body: Buffer.from('%PDF-1.4\n%%EOF\n'), name: 'notes.pdf' },
      ]);
      expect(pdf.status).toBe(201);
      const file = await people.ben!.get((pdf.body as Message).attachment!.url);
      expect(file.headers['content-disposition']).toMatch(/^attachment/);
    });

    it('accepts a text file whose name is over 200 characters, shortening the stem and keeping the extension', async () => {
      const longName = `${'minutes-of-the-salon-committee-'.repeat(10)}.txt`;
      expect(longName.length).toBeGreaterThan(300);
      const res = await people.ada!.upload('post', `/api/chat/conversations/${id}/attachments`, 'file', [
        { body: Buffer.from('Hung: 12 works. Refused: 3.\n'), name: longName },
      ]);
      expect(res.status).toBe(201);
      const { name, mime } = (res.body as Message).attachment!;
      expect(mime).toBe('text/plain');
      expect(name.length).toBeLessThanOrEqual(200);
      expect(name).toMatch(/^minutes-of-the-salon-committee-.*\.txt$/);
    });

    it('refuses a disallowed type (415) and a 26 MB file (413), storing nothing', async () => {
      const before = ((await people.ada!.get(`/api/chat/conversations/${id}/messages`)).body as Page<Message>)
        .items.length;
      const exe = await people.ada!.upload('post', `/api/chat/conversations/${id}/attachments`, 'file', [
        { body: Buffer.from('MZ\x90\x00binary'), name: 'tool.exe' },
      ]);
      expect(exe.status).toBe(415);
      expect(exe.body.message).toMatch(/^this type of file cannot be sent/);
      const huge = await people.ada!.upload('post', `/api/chat/conversations/${id}/attachments`, 'file', [
        { body: Buffer.alloc(26 * 1024 * 1024), name: 'big.zip' },
      ]);
      expect(huge.status).toBe(413);
      expect(
        ((await people.ada!.get(`/api/chat/conversations/${id}/messages`)).body as Page<Message>).items,
      ).toHaveLength(before);
    });
  });
});

// The real per-person limit (10 messages per 10 s), in an app of its own: the suites above send
// more than that from one person on purpose.
describe.each(appModes())('chat rate limit — %s', (_name, options) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ ...options, env: { ...options.env, RATE_LIMIT_CHAT_PER_10S: '10' } });
  });
  afterEach(() => disconnectAll());
  afterAll(() => app.close());

  it('limits each person to 10 messages in 10 seconds: a flood of 50 gets 429s and ack errors', async () => {
    const flooder = app.client();
    await flooder.register('flood');
    const socket = await connect(app, cookieOf(flooder));
    const acks = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        socket.emitWithAck('chat:send', { conversationId: 'public', body: `spam ${i}` }),
      ),
    );
    expect(acks.filter((a) => a.ok)).toHaveLength(10);
    expect(acks.find((a) => !a.ok)).toEqual({
      ok: false,
      error: expect.stringMatching(/^too many messages, try again in \d+ seconds$/),
      code: 'RATE_LIMITED',
    });
    const rest = await flooder.post('/api/chat/conversations/public/messages', { body: 'one more' });
    expect(rest.status).toBe(429);
    expect(Number(rest.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("answers a rate-limited sender's image with 429 before decoding any of its pixels", async () => {
    const small = await png(300, 200);
    const big = await png(6000, 6000);
    // Every decode ends in toBuffer (reading a header does not): the spy counts decodes.
    const decode = jest.spyOn(sharp.prototype as sharp.Sharp, 'toBuffer');
    try {
      // The spy sees decodes: an image from someone within the limit is decoded once.
      const calm = app.client();
      await calm.register('calm');
      const fine = await calm.upload('post', '/api/chat/conversations/public/attachments', 'file', [
        { body: small, name: 'small.png' },
      ]);
      expect(fine.status).toBe(201);
      expect(decode).toHaveBeenCalled();
      decode.mockClear();

      const hasty = app.client();
      await hasty.register('hasty');
      for (let i = 0; i < 10; i++) {
        expect((await hasty.post('/api/chat/conversations/public/messages', { body: `m${i}` })).status).toBe(
          201,
        );
      }
      const huge = await hasty.upload('post', '/api/chat/conversations/public/attachments', 'file', [
        { body: big, name: 'huge.png' },
      ]);
      expect(huge.status).toBe(429);
      expect(decode).not.toHaveBeenCalled();
    } finally {
      decode.mockRestore();
    }
  });
});
