import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { type Conversation, PUBLIC_UNREAD_CAP } from '@gallery/contracts';

import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';
import { ConversationList } from './conversation-list';
import { Conversations } from './conversations';
import { ChatThreads } from './threads';
import { Typing } from './typing';
import { ANNA, BEN, FakeRealtime, conversation, me, message, settle } from './testing';

async function render(list: Conversation[]) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: Realtime, useClass: FakeRealtime },
      Typing,
      ChatThreads,
    ],
  });
  TestBed.inject(Session).update(me(ANNA));
  const realtime = TestBed.inject(Realtime) as unknown as FakeRealtime;
  TestBed.inject(Conversations).start();
  const fixture: ComponentFixture<ConversationList> = TestBed.createComponent(ConversationList);
  fixture.detectChanges();
  TestBed.inject(HttpTestingController).expectOne('/api/chat/conversations').flush(list);
  await settle();
  await fixture.whenStable();
  return { fixture, realtime };
}

/** The badge of the list entry whose link text matches `name`, as a screen reader hears it. */
function badge(fixture: ComponentFixture<ConversationList>, name: RegExp): string | null {
  const links = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('a.item'));
  const link = links.find((a) => name.test(a.textContent ?? ''));
  return link?.querySelector('.badge')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
}

describe('ConversationList — public room badge', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the public room’s unread count from the api, and counts on with messages from others', async () => {
    const { fixture, realtime } = await render([
      conversation('public', { unreadCount: 3, lastMessage: message(1, BEN, { conversationId: 'public' }) }),
      conversation('c-direct', { lastMessage: message(2, BEN) }),
    ]);
    expect(badge(fixture, /Public room/)).toBe('3 unread');
    expect(badge(fixture, /Ben Okafor/)).toBeNull();

    realtime.serverSends('chat:message', message(3, BEN, { conversationId: 'public' }));
    realtime.serverSends('chat:message', message(4, ANNA, { conversationId: 'public' }));
    await fixture.whenStable();
    expect(badge(fixture, /Public room/)).toBe('4 unread');
  });

  it('says "99+" once the count reaches the cap', async () => {
    const { fixture } = await render([conversation('public', { unreadCount: PUBLIC_UNREAD_CAP })]);
    expect(badge(fixture, /Public room/)).toBe('99+ unread');
  });

  it('shows no badge when everything is read', async () => {
    const { fixture } = await render([conversation('public')]);
    expect(badge(fixture, /Public room/)).toBeNull();
  });
});
