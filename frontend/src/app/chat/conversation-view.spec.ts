import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Conversation, Message } from '@gallery/contracts';

import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';
import { ConversationView } from './conversation-view';
import { Conversations } from './conversations';
import { ChatThreads } from './threads';
import { Typing } from './typing';
import { ChatUploads } from './uploads';
import { ANNA, BEN, FakeRealtime, conversation, me, member, message, settle } from './testing';

/**
 * The conversation view as a reloaded page has it: the list from the api (with each member's
 * read position) and the newest page of history, then live events.
 */
async function render(direct: Conversation, history: Message[]) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: Realtime, useClass: FakeRealtime },
      ChatThreads,
      ChatUploads,
      Typing,
    ],
  });
  TestBed.inject(Session).update(me(ANNA));
  const http = TestBed.inject(HttpTestingController);
  const realtime = TestBed.inject(Realtime) as unknown as FakeRealtime;
  TestBed.inject(Conversations).start();
  TestBed.tick();
  http.expectOne('/api/chat/conversations').flush([conversation('public'), direct]);
  await settle();
  const fixture: ComponentFixture<ConversationView> = TestBed.createComponent(ConversationView);
  fixture.componentRef.setInput('id', direct.id);
  fixture.detectChanges();
  http
    .expectOne((r) => r.url === `/api/chat/conversations/${direct.id}/messages`)
    .flush({ items: history, nextCursor: null });
  await settle();
  await fixture.whenStable();
  return { fixture, realtime, http };
}

/** The body of the message "Seen" is shown under, or null. */
function seenUnder(fixture: ComponentFixture<ConversationView>): string | null {
  const host = fixture.nativeElement as HTMLElement;
  const seen = Array.from(host.querySelectorAll('.seen'));
  expect(seen.length).toBeLessThanOrEqual(1);
  return seen[0]?.closest('li')?.querySelector('.body')?.textContent ?? null;
}

describe('ConversationView — Seen', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  const history = [message(1, BEN), message(2, ANNA), message(3, ANNA), message(4, ANNA)];

  it('shows "Seen" under my newest message the other painter has read, from the loaded conversation', async () => {
    const direct = conversation('c-direct', {
      members: [member(ANNA, 'member', 'm-004'), member(BEN, 'member', 'm-003')],
      lastMessage: message(4, ANNA),
    });
    const { fixture } = await render(direct, history);
    expect(seenUnder(fixture)).toBe('message 3');
  });

  it('moves "Seen" on when a read receipt arrives', async () => {
    const direct = conversation('c-direct', {
      members: [member(ANNA, 'member', 'm-004'), member(BEN, 'member', 'm-001')],
      lastMessage: message(4, ANNA),
    });
    const { fixture, realtime } = await render(direct, history);
    expect(seenUnder(fixture)).toBeNull();
    realtime.serverSends('chat:read', { conversationId: 'c-direct', userId: BEN.id, messageId: 'm-004' });
    await fixture.whenStable();
    expect(seenUnder(fixture)).toBe('message 4');
    // A late receipt for an older message does not move it back.
    realtime.serverSends('chat:read', { conversationId: 'c-direct', userId: BEN.id, messageId: 'm-002' });
    await fixture.whenStable();
    expect(seenUnder(fixture)).toBe('message 4');
  });

  it('shows nothing once the other painter has written since', async () => {
    const direct = conversation('c-direct', {
      members: [member(ANNA, 'member', 'm-005'), member(BEN, 'member', 'm-005')],
      lastMessage: message(5, BEN),
    });
    const { fixture } = await render(direct, [...history, message(5, BEN)]);
    expect(seenUnder(fixture)).toBeNull();
  });
});
