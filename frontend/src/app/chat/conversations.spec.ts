import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type Conversation, PUBLIC_UNREAD_CAP } from '@gallery/contracts';

import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';
import { Conversations } from './conversations';
import { ANNA, BEN, CLARA, FakeRealtime, conversation, me, member, message, settle } from './testing';

const LIST: Conversation[] = [
  conversation('public'),
  conversation('c-direct', { lastMessage: message(3, BEN), unreadCount: 2 }),
  conversation('c-group', {
    kind: 'group',
    name: 'Watercolour club',
    members: [member(ANNA, 'admin'), member(BEN), member(CLARA)],
    lastMessage: message(2, CLARA, { conversationId: 'c-group' }),
    unreadCount: 1,
  }),
];

async function setUp(list: Conversation[] = LIST) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: Realtime, useClass: FakeRealtime },
    ],
  });
  TestBed.inject(Session).update(me(ANNA));
  const conversations = TestBed.inject(Conversations);
  const realtime = TestBed.inject(Realtime) as unknown as FakeRealtime;
  const http = TestBed.inject(HttpTestingController);
  conversations.start();
  TestBed.tick();
  http.expectOne('/api/chat/conversations').flush(list);
  await settle();
  return { conversations, realtime, http };
}

function ids(conversations: Conversations): string[] {
  return conversations.list().map((c) => c.id);
}

function unread(conversations: Conversations, id: string): number | undefined {
  return conversations.find(id)?.unreadCount;
}

describe('Conversations', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('loads the list and totals what is unread in direct chats and groups', async () => {
    const { conversations } = await setUp();
    expect(conversations.status()).toBe('ready');
    expect(ids(conversations)).toEqual(['public', 'c-direct', 'c-group']);
    expect(conversations.totalUnread()).toBe(3);
  });

  it('counts a message from someone else as unread and brings its conversation to the top', async () => {
    const { conversations, realtime } = await setUp();
    realtime.serverSends('chat:message', message(5, CLARA, { conversationId: 'c-group' }));
    expect(ids(conversations)).toEqual(['public', 'c-group', 'c-direct']);
    expect(unread(conversations, 'c-group')).toBe(2);
    expect(conversations.find('c-group')?.lastMessage?.id).toBe('m-005');
    expect(conversations.totalUnread()).toBe(4);
  });

  it('does not count my own messages, nor the same message twice', async () => {
    const { conversations, realtime } = await setUp();
    realtime.serverSends('chat:message', message(6, ANNA));
    expect(unread(conversations, 'c-direct')).toBe(2);
    realtime.serverSends('chat:message', message(7, BEN));
    realtime.serverSends('chat:message', message(7, BEN));
    expect(unread(conversations, 'c-direct')).toBe(3);
    // An older message arriving late does not replace the latest.
    realtime.serverSends('chat:message', message(4, BEN));
    expect(conversations.find('c-direct')?.lastMessage?.id).toBe('m-007');
  });

  it('leaves the conversation on screen read, unless the tab is hidden', async () => {
    const { conversations, realtime } = await setUp();
    conversations.setOpen('c-direct');
    expect(unread(conversations, 'c-direct')).toBe(0);
    realtime.serverSends('chat:message', message(8, BEN));
    expect(unread(conversations, 'c-direct')).toBe(0);

    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    realtime.serverSends('chat:message', message(9, BEN));
    expect(unread(conversations, 'c-direct')).toBe(1);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });

  it('takes the public room’s count from the api and adds messages from others, outside the header total', async () => {
    const { conversations, realtime } = await setUp([{ ...LIST[0], unreadCount: 4 }, LIST[1], LIST[2]]);
    expect(unread(conversations, 'public')).toBe(4);
    realtime.serverSends('chat:message', message(10, BEN, { conversationId: 'public' }));
    realtime.serverSends('chat:message', message(11, ANNA, { conversationId: 'public' }));
    realtime.serverSends('chat:message', message(12, CLARA, { conversationId: 'public' }));
    expect(unread(conversations, 'public')).toBe(6);
    expect(conversations.find('public')?.lastMessage?.id).toBe('m-012');
    expect(ids(conversations)[0]).toBe('public');
    expect(conversations.totalUnread()).toBe(3);
    conversations.setOpen('public');
    expect(unread(conversations, 'public')).toBe(0);
  });

  it('stops the public room’s count at the cap, as the api does', async () => {
    const { conversations, realtime } = await setUp([{ ...LIST[0], unreadCount: PUBLIC_UNREAD_CAP - 1 }]);
    realtime.serverSends('chat:message', message(13, BEN, { conversationId: 'public' }));
    realtime.serverSends('chat:message', message(14, BEN, { conversationId: 'public' }));
    expect(unread(conversations, 'public')).toBe(PUBLIC_UNREAD_CAP);
  });

  it('takes the public room’s count from another tab that read it', async () => {
    const { conversations, realtime } = await setUp([{ ...LIST[0], unreadCount: 7 }, LIST[1]]);
    realtime.serverSends('conversation:updated', { ...LIST[0], unreadCount: 0 });
    expect(unread(conversations, 'public')).toBe(0);
    expect(ids(conversations)).toEqual(['public', 'c-direct']);
  });

  it('takes the server’s version of a conversation, and drops one I was removed from', async () => {
    const { conversations, realtime } = await setUp();
    realtime.serverSends(
      'conversation:updated',
      conversation('c-group', { ...LIST[2], name: 'Ink and water', unreadCount: 5 }),
    );
    expect(conversations.find('c-group')?.name).toBe('Ink and water');
    expect(ids(conversations)).toEqual(['public', 'c-direct', 'c-group']);
    expect(conversations.totalUnread()).toBe(7);

    realtime.serverSends(
      'conversation:updated',
      conversation('c-group', { ...LIST[2], members: [member(BEN, 'admin'), member(CLARA)] }),
    );
    expect(ids(conversations)).toEqual(['public', 'c-direct']);
  });

  it('keeps a newer last message when an older update arrives late', async () => {
    const { conversations, realtime } = await setUp();
    realtime.serverSends('chat:message', message(8, BEN));
    realtime.serverSends('conversation:updated', {
      ...LIST[1],
      lastMessage: message(3, BEN),
      unreadCount: 2,
    });
    expect(conversations.find('c-direct')?.lastMessage?.id).toBe('m-008');
    expect(unread(conversations, 'c-direct')).toBe(3);
  });

  it('starts over for another painter, dropping an answer meant for the previous one', async () => {
    const { conversations, realtime, http } = await setUp();
    realtime.reconnected.next();
    const late = http.expectOne('/api/chat/conversations');
    TestBed.inject(Session).update(me(BEN));
    TestBed.tick();
    expect(conversations.list()).toEqual([]);
    const fresh = http.match('/api/chat/conversations');
    expect(fresh).toHaveLength(1);
    late.flush(LIST);
    await settle();
    expect(conversations.list()).toEqual([]);
    fresh[0].flush([conversation('public')]);
    await settle();
    expect(ids(conversations)).toEqual(['public']);
  });

  it('puts a new conversation at the top, below the public room', async () => {
    const { conversations, realtime } = await setUp();
    realtime.serverSends(
      'conversation:updated',
      conversation('c-new', {
        members: [member(ANNA), member(CLARA)],
        lastMessage: message(12, CLARA),
        unreadCount: 1,
      }),
    );
    expect(ids(conversations)).toEqual(['public', 'c-new', 'c-direct', 'c-group']);
  });

  it('clears the count when I read up to the latest message, here or in another tab', async () => {
    const { conversations, realtime } = await setUp();
    realtime.serverSends('chat:read', { conversationId: 'c-direct', userId: BEN.id, messageId: 'm-003' });
    expect(unread(conversations, 'c-direct')).toBe(2);
    realtime.serverSends('chat:read', { conversationId: 'c-direct', userId: ANNA.id, messageId: 'm-002' });
    expect(unread(conversations, 'c-direct')).toBe(2);
    realtime.serverSends('chat:read', { conversationId: 'c-direct', userId: ANNA.id, messageId: 'm-003' });
    expect(unread(conversations, 'c-direct')).toBe(0);
  });

  it("keeps each member's read position live, never moving it back", async () => {
    const { conversations, realtime } = await setUp();
    const position = (userId: string) =>
      conversations.find('c-direct')?.members.find((m) => m.id === userId)?.lastReadId;
    expect(position(BEN.id)).toBeNull();
    realtime.serverSends('chat:read', { conversationId: 'c-direct', userId: BEN.id, messageId: 'm-003' });
    expect(position(BEN.id)).toBe('m-003');
    realtime.serverSends('chat:read', { conversationId: 'c-direct', userId: BEN.id, messageId: 'm-002' });
    expect(position(BEN.id)).toBe('m-003');
  });

  it('fetches the list again after the connection comes back', async () => {
    const { conversations, realtime, http } = await setUp();
    realtime.reconnected.next();
    http
      .expectOne('/api/chat/conversations')
      .flush([LIST[0], { ...LIST[1], lastMessage: message(20, BEN), unreadCount: 9 }]);
    await settle();
    expect(ids(conversations)).toEqual(['public', 'c-direct']);
    expect(conversations.totalUnread()).toBe(9);
  });

  it('asks for the list when a message comes for a conversation it does not know', async () => {
    const { realtime, http } = await setUp();
    realtime.serverSends('chat:message', message(21, CLARA, { conversationId: 'c-unknown' }));
    http.expectOne('/api/chat/conversations').flush(LIST);
    await settle();
  });

  it('says why the list could not load', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Realtime, useClass: FakeRealtime },
      ],
    });
    TestBed.inject(Session).update(me(ANNA));
    const conversations = TestBed.inject(Conversations);
    conversations.start();
    TestBed.tick();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/chat/conversations')
      .flush(null, { status: 0, statusText: 'offline' });
    await settle();
    expect(conversations.status()).toBe('failed');
    expect(conversations.error()).toMatch(/^Can’t reach Gallery/);
  });
});
