import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { LIMITS, type Message } from '@gallery/contracts';

import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';
import { Conversations } from './conversations';
import { threadRows } from './thread-rows';
import { ChatThreads, PUBLIC_READ_EVERY_MS, joinNewest } from './threads';
import { ANNA, BEN, FakeRealtime, conversation, me, message, settle } from './testing';

const HISTORY = '/api/chat/conversations/c-direct/messages';

async function setUp() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: Realtime, useClass: FakeRealtime },
      ChatThreads,
    ],
  });
  TestBed.inject(Session).update(me(ANNA));
  const realtime = TestBed.inject(Realtime) as unknown as FakeRealtime;
  const http = TestBed.inject(HttpTestingController);
  const conversations = TestBed.inject(Conversations);
  conversations.start();
  TestBed.tick();
  http
    .expectOne('/api/chat/conversations')
    .flush([
      conversation('public'),
      conversation('c-direct', { lastMessage: message(3, BEN), unreadCount: 1 }),
    ]);
  await settle();
  const threads = TestBed.inject(ChatThreads);
  return { threads, realtime, http, conversations };
}

/** Opens c-direct with the given newest page, the way the conversation view does. */
async function open(
  setup: Awaited<ReturnType<typeof setUp>>,
  items: Message[],
  nextCursor: string | null = null,
): Promise<void> {
  setup.threads.open('c-direct');
  setup.conversations.setOpen('c-direct');
  const request = setup.http.expectOne((r) => r.url === HISTORY && !r.params.has('before'));
  expect(request.request.params.get('limit')).toBe('30');
  request.flush({ items, nextCursor });
  await settle();
  TestBed.tick();
}

function bodies(threads: ChatThreads): string[] {
  return threads.thread()?.messages.map((m) => m.body) ?? [];
}

describe('ChatThreads', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  describe('merging', () => {
    it('shows each message once, whether it came by socket, page or both', async () => {
      const setup = await setUp();
      await open(setup, [message(2, BEN), message(3, BEN)], 'm-002');
      setup.realtime.serverSends('chat:message', message(4, BEN));
      setup.realtime.serverSends('chat:message', message(4, BEN));
      setup.realtime.serverSends('chat:message', message(3, BEN));
      expect(setup.threads.thread()?.messages.map((m) => m.id)).toEqual(['m-002', 'm-003', 'm-004']);
    });

    it('loads older pages above, oldest first, and stops at the beginning', async () => {
      const setup = await setUp();
      await open(setup, [message(5, BEN), message(6, ANNA)], 'm-005');
      const done = setup.threads.loadOlder();
      expect(setup.threads.thread()?.olderStatus).toBe('loading');
      const request = setup.http.expectOne((r) => r.url === HISTORY && r.params.get('before') === 'm-005');
      request.flush({ items: [message(3, BEN), message(4, ANNA), message(5, BEN)], nextCursor: null });
      await done;
      expect(bodies(setup.threads)).toEqual(['message 3', 'message 4', 'message 5', 'message 6']);
      expect(setup.threads.thread()?.olderCursor).toBeNull();
      await setup.threads.loadOlder();
      setup.http.expectNone((r) => r.url === HISTORY);
    });

    it('ignores messages of conversations it has not loaded', async () => {
      const setup = await setUp();
      await open(setup, [message(1, BEN)]);
      setup.realtime.serverSends('chat:message', message(2, BEN, { conversationId: 'c-other' }));
      expect(bodies(setup.threads)).toEqual(['message 1']);
      // The list looks the newcomer up; that is the list's business.
      setup.http.expectOne('/api/chat/conversations').flush([]);
    });

    it('catches up after a reconnect: the newest page is merged, or replaces a thread it does not reach', async () => {
      const setup = await setUp();
      await open(setup, [message(1, BEN), message(2, BEN)]);
      setup.realtime.reconnected.next();
      setup.http.expectOne('/api/chat/conversations').flush([conversation('c-direct')]);
      setup.http
        .expectOne((r) => r.url === HISTORY && !r.params.has('before'))
        .flush({ items: [message(2, BEN), message(3, BEN)], nextCursor: null });
      await settle();
      expect(bodies(setup.threads)).toEqual(['message 1', 'message 2', 'message 3']);

      const thread = setup.threads.thread()!;
      const far = joinNewest(thread, { items: [message(50, BEN), message(51, BEN)], nextCursor: 'm-050' });
      expect(far.messages.map((m) => m.id)).toEqual(['m-050', 'm-051']);
      expect(far.olderCursor).toBe('m-050');
    });
  });

  describe('edits, deletions, reactions, replies and jumps', () => {
    it('applies chat:updated (with my reactions marked mine) and chat:removed to the loaded thread', async () => {
      const setup = await setUp();
      await open(setup, [message(1, BEN), message(2, BEN)]);
      setup.realtime.serverSends(
        'chat:updated',
        message(1, BEN, {
          body: 'edited words',
          editedAt: '2026-05-02T11:00:00.000Z',
          reactions: [{ emoji: '🎨', count: 1, mine: false, users: [{ id: ANNA.id, displayName: 'Anna' }] }],
        }),
      );
      const first = setup.threads.thread()!.messages[0]!;
      expect(first.body).toBe('edited words');
      expect(first.reactions[0]!.mine).toBe(true);
      setup.realtime.serverSends('chat:removed', { conversationId: 'c-direct', messageId: 'm-002' });
      expect(setup.threads.thread()!.messages[1]).toMatchObject({ body: '', deletedAt: expect.any(String) });
    });

    it('collapses a live message from someone I blocked, and keeps it collapsed through an edit', async () => {
      const setup = await setUp();
      await open(setup, [message(1, BEN)]);
      // The server marks my copy of a blocked sender's message, live as in history.
      setup.realtime.serverSends('chat:message', message(2, BEN, { blockedSender: true }));
      const rows = () =>
        threadRows(setup.threads.thread()!.messages, [], ANNA).filter((r) => r.kind === 'message');
      expect(rows().map((r) => r.blockedSender ?? false)).toEqual([false, true]);
      setup.realtime.serverSends('chat:updated', message(2, BEN, { body: 'edited', blockedSender: true }));
      expect(rows()[1]).toMatchObject({ body: 'edited', blockedSender: true });
    });

    it('shows a message a moderator removed as removed, not as deleted', async () => {
      const setup = await setUp();
      await open(setup, [message(1, BEN, { body: 'buy pills' })]);
      setup.realtime.serverSends('chat:removed', {
        conversationId: 'c-direct',
        messageId: 'm-001',
        removed: true,
      });
      expect(setup.threads.thread()!.messages[0]).toMatchObject({
        body: '',
        attachment: null,
        removed: true,
        deletedAt: null,
      });
    });

    it('toggles my reaction: PUT when not mine, DELETE when mine', async () => {
      const setup = await setUp();
      const original = message(1, BEN);
      await open(setup, [original]);
      const adding = setup.threads.react(original, '👍');
      const put = setup.http.expectOne('/api/chat/messages/m-001/reactions/%F0%9F%91%8D');
      expect(put.request.method).toBe('PUT');
      const reacted = message(1, BEN, {
        reactions: [{ emoji: '👍', count: 1, mine: true, users: [{ id: ANNA.id, displayName: 'Anna' }] }],
      });
      put.flush(reacted);
      await adding;
      const taking = setup.threads.react(setup.threads.thread()!.messages[0]!, '👍');
      const del = setup.http.expectOne('/api/chat/messages/m-001/reactions/%F0%9F%91%8D');
      expect(del.request.method).toBe('DELETE');
      del.flush(original);
      await taking;
      expect(setup.threads.thread()!.messages[0]!.reactions).toEqual([]);
    });

    it('sends a reply with replyToId, and an edit as a PATCH of the message', async () => {
      const setup = await setUp();
      const mine = message(2, ANNA);
      await open(setup, [message(1, BEN), mine]);
      const sent: unknown[] = [];
      setup.realtime.answer = (_event, payload) => {
        sent.push(payload);
        return Promise.resolve({ ok: true, message: message(3, ANNA, { body: 'yes' }) });
      };
      setup.threads.startReply(message(1, BEN));
      expect(setup.threads.mode()).toMatchObject({ kind: 'reply' });
      setup.threads.setDraft('yes');
      await setup.threads.send();
      expect(sent).toEqual([{ conversationId: 'c-direct', body: 'yes', replyToId: 'm-001' }]);
      expect(setup.threads.mode()).toBeNull();

      setup.threads.startEdit(mine);
      expect(setup.threads.draft()).toBe('message 2');
      setup.threads.setDraft('message 2, better');
      const saving = setup.threads.send();
      const patch = setup.http.expectOne('/api/chat/messages/m-002');
      expect(patch.request.method).toBe('PATCH');
      expect(patch.request.body).toEqual({ body: 'message 2, better' });
      patch.flush(message(2, ANNA, { body: 'message 2, better', editedAt: '2026-05-02T11:00:00.000Z' }));
      await saving;
      expect(bodies(setup.threads)).toContain('message 2, better');
      expect(setup.threads.draft()).toBe('');
    });

    it('jumps to a message not loaded by loading the page around it', async () => {
      const setup = await setUp();
      await open(setup, [message(50, BEN), message(51, BEN)]);
      const jumping = setup.threads.jumpTo('c-direct', 'm-010');
      setup.http
        .expectOne((r) => r.url === HISTORY && r.params.get('around') === 'm-010')
        .flush({ items: [message(9, BEN), message(10, BEN), message(11, BEN)], nextCursor: 'm-009' });
      await jumping;
      expect(setup.threads.thread()!.messages.map((m) => m.id)).toEqual(['m-009', 'm-010', 'm-011']);
      expect(setup.threads.thread()!.newerMissing).toBe(true);
      expect(setup.threads.focused()).toMatchObject({ messageId: 'm-010' });
      // Already loaded: only the focus moves.
      await setup.threads.jumpTo('c-direct', 'm-011');
      expect(setup.threads.focused()).toMatchObject({ messageId: 'm-011', n: 2 });
    });
  });

  describe('sending', () => {
    it('shows the message at once and swaps in the server’s copy when acknowledged', async () => {
      const setup = await setUp();
      await open(setup, [message(1, BEN)]);
      let acknowledge: (value: unknown) => void = () => undefined;
      setup.realtime.answer = () => new Promise((resolve) => (acknowledge = resolve));
      setup.threads.setDraft('  Lovely blues  ');
      const sending = setup.threads.send();

      expect(setup.realtime.requested).toEqual([
        { event: 'chat:send', payload: { conversationId: 'c-direct', body: 'Lovely blues' } },
      ]);
      expect(setup.threads.thread()?.pending.map((p) => p.body)).toEqual(['Lovely blues']);
      expect(setup.threads.draft()).toBe('');

      const sent = message(2, ANNA, { body: 'Lovely blues' });
      // The room hears of it before the acknowledgement arrives: still one message.
      setup.realtime.serverSends('chat:message', sent);
      expect(setup.threads.thread()?.pending).toEqual([]);
      acknowledge({ ok: true, message: sent });
      await sending;
      expect(bodies(setup.threads)).toEqual(['message 1', 'Lovely blues']);
      expect(setup.threads.thread()?.sendError).toBeNull();
    });

    it('gives the text back with the reason when the server refuses (rate limit)', async () => {
      const setup = await setUp();
      await open(setup, [message(1, BEN)]);
      setup.realtime.answer = async () => ({ ok: false, error: 'too many messages, try again in 7 seconds' });
      setup.threads.setDraft('Eleventh message');
      await setup.threads.send();
      const thread = setup.threads.thread()!;
      expect(thread.pending).toEqual([]);
      expect(setup.threads.draft()).toBe('Eleventh message');
      expect(thread.sendError).toBe('Too many messages, try again in 7 seconds.');
      expect(bodies(setup.threads)).toEqual(['message 1']);

      setup.threads.setDraft('Eleventh message!');
      expect(setup.threads.thread()?.sendError).toBeNull();
    });

    it('keeps what was typed meanwhile after the refused text', async () => {
      const setup = await setUp();
      await open(setup, []);
      let refuse: (value: unknown) => void = () => undefined;
      setup.realtime.answer = () => new Promise((resolve) => (refuse = resolve));
      setup.threads.setDraft('First thought');
      const sending = setup.threads.send();
      setup.threads.setDraft('second thought');
      refuse({ ok: false, error: 'the connection was lost' });
      await sending;
      expect(setup.threads.draft()).toBe('First thought\nsecond thought');
    });

    it('says so when no acknowledgement comes', async () => {
      const setup = await setUp();
      await open(setup, []);
      setup.realtime.answer = () => Promise.reject(new Error('operation has timed out'));
      setup.threads.setDraft('Anyone there?');
      await setup.threads.send();
      expect(setup.threads.draft()).toBe('Anyone there?');
      expect(setup.threads.thread()?.sendError).toMatch(/no answer from Gallery/);
    });

    it('sends over HTTP while the socket is down', async () => {
      const setup = await setUp();
      await open(setup, []);
      setup.realtime.connected.set(false);
      setup.threads.setDraft('Offline hello');
      const sending = setup.threads.send();
      const request = setup.http.expectOne({
        method: 'POST',
        url: '/api/chat/conversations/c-direct/messages',
      });
      expect(request.request.body).toEqual({ body: 'Offline hello' });
      request.flush(message(4, ANNA, { body: 'Offline hello' }));
      await sending;
      expect(bodies(setup.threads)).toEqual(['Offline hello']);
      expect(setup.realtime.requested).toEqual([]);
    });

    it('keeps each conversation’s draft, across a reconnect too', async () => {
      const setup = await setUp();
      await open(setup, []);
      setup.threads.setDraft('Half a thought');
      setup.threads.open('public');
      setup.http.expectOne((r) => r.url.endsWith('/public/messages')).flush({ items: [], nextCursor: null });
      await settle();
      expect(setup.threads.draft()).toBe('');
      setup.realtime.reconnected.next();
      setup.http
        .expectOne('/api/chat/conversations')
        .flush([conversation('public'), conversation('c-direct')]);
      setup.http.expectOne((r) => r.url.endsWith('/public/messages')).flush({ items: [], nextCursor: null });
      await settle();
      setup.threads.open('c-direct');
      setup.http.expectOne((r) => r.url === HISTORY).flush({ items: [message(1, BEN)], nextCursor: null });
      await settle();
      expect(setup.threads.draft()).toBe('Half a thought');
    });

    it('sends nothing blank or over the limit', async () => {
      const setup = await setUp();
      await open(setup, []);
      setup.threads.setDraft('   \n ');
      await setup.threads.send();
      setup.threads.setDraft('x'.repeat(LIMITS.chatMessage.max + 1));
      await setup.threads.send();
      expect(setup.realtime.requested).toEqual([]);
    });
  });

  describe('reading', () => {
    it('marks the newest message read once while the conversation is on screen', async () => {
      const setup = await setUp();
      await open(setup, [message(2, BEN), message(3, BEN)]);
      expect(setup.realtime.notified).toEqual([
        { event: 'chat:read', payload: { conversationId: 'c-direct', messageId: 'm-003' } },
      ]);
      expect(setup.conversations.find('c-direct')?.unreadCount).toBe(0);

      setup.realtime.serverSends('chat:message', message(4, BEN));
      TestBed.tick();
      expect(setup.realtime.notified.map((n) => n.payload)).toEqual([
        { conversationId: 'c-direct', messageId: 'm-003' },
        { conversationId: 'c-direct', messageId: 'm-004' },
      ]);
      // My own latest message needs no read mark.
      setup.realtime.serverSends('chat:message', message(5, ANNA));
      TestBed.tick();
      expect(setup.realtime.notified).toHaveLength(2);
    });

    it('does not mark anything read while another conversation is on screen', async () => {
      const setup = await setUp();
      await open(setup, [message(2, BEN)]);
      setup.conversations.setOpen('public');
      setup.realtime.serverSends('chat:message', message(3, BEN));
      TestBed.tick();
      expect(setup.realtime.notified).toHaveLength(1);
    });

    it('marks the busy public room read at once, then at most every few seconds, and on leaving it', async () => {
      jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
      try {
        const setup = await setUp();
        const inRoom = (n: number, sender = BEN) => message(n, sender, { conversationId: 'public' });
        const marks = () => setup.realtime.notified.map((n) => n.payload);
        setup.threads.open('public');
        setup.conversations.setOpen('public');
        setup.http
          .expectOne((r) => r.url === '/api/chat/conversations/public/messages')
          .flush({ items: [inRoom(2)], nextCursor: null });
        await settle();
        TestBed.tick();
        expect(marks()).toEqual([{ conversationId: 'public', messageId: 'm-002' }]);

        // A burst, ending with one of mine: the public room counts from my read position only.
        for (const m of [inRoom(3), inRoom(4), inRoom(5, ANNA)]) {
          setup.realtime.serverSends('chat:message', m);
          TestBed.tick();
        }
        expect(marks()).toHaveLength(1);
        jest.advanceTimersByTime(PUBLIC_READ_EVERY_MS);
        expect(marks()).toEqual([
          { conversationId: 'public', messageId: 'm-002' },
          { conversationId: 'public', messageId: 'm-005' },
        ]);

        setup.realtime.serverSends('chat:message', inRoom(6));
        TestBed.tick();
        expect(marks()).toHaveLength(2);
        setup.threads.close();
        expect(marks().at(-1)).toEqual({ conversationId: 'public', messageId: 'm-006' });
        jest.advanceTimersByTime(PUBLIC_READ_EVERY_MS);
        expect(marks()).toHaveLength(3);
      } finally {
        jest.useRealTimers();
      }
    });

    it('knows how far the others have read: receipts, and their own messages', async () => {
      const setup = await setUp();
      await open(setup, [message(2, BEN), message(3, ANNA)]);
      expect(setup.threads.thread()?.reads).toEqual({ [BEN.id]: 'm-002', [ANNA.id]: 'm-003' });
      setup.realtime.serverSends('chat:read', {
        conversationId: 'c-direct',
        userId: BEN.id,
        messageId: 'm-003',
      });
      expect(setup.threads.thread()?.reads[BEN.id]).toBe('m-003');
      // Receipts never go backwards.
      setup.realtime.serverSends('chat:read', {
        conversationId: 'c-direct',
        userId: BEN.id,
        messageId: 'm-001',
      });
      expect(setup.threads.thread()?.reads[BEN.id]).toBe('m-003');
    });
  });
});
