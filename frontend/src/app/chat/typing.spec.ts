import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';
import { ANNOUNCE_EVERY_MS, TYPING_SHOWN_MS, Typing, typingLine } from './typing';
import { ANNA, BEN, CLARA, FakeRealtime, me, message } from './testing';

function setUp() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: Realtime, useClass: FakeRealtime },
      Typing,
    ],
  });
  TestBed.inject(Session).update(me(ANNA));
  return { typing: TestBed.inject(Typing), realtime: TestBed.inject(Realtime) as unknown as FakeRealtime };
}

function names(typing: Typing, conversationId: string): string[] {
  return (typing.byConversation()[conversationId] ?? []).map((user) => user.displayName);
}

describe('Typing', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] }));
  afterEach(() => jest.useRealTimers());

  it('shows who is typing for a few seconds after the last sign of it', () => {
    const { typing, realtime } = setUp();
    realtime.serverSends('chat:typing', { conversationId: 'c-1', user: BEN });
    expect(names(typing, 'c-1')).toEqual(['Ben Okafor']);

    jest.advanceTimersByTime(TYPING_SHOWN_MS - 1000);
    realtime.serverSends('chat:typing', { conversationId: 'c-1', user: BEN });
    jest.advanceTimersByTime(1000);
    expect(names(typing, 'c-1')).toEqual(['Ben Okafor']);

    jest.advanceTimersByTime(TYPING_SHOWN_MS);
    expect(names(typing, 'c-1')).toEqual([]);
    expect(typing.byConversation()).toEqual({});
  });

  it('keeps each typist on their own clock, per conversation', () => {
    const { typing, realtime } = setUp();
    realtime.serverSends('chat:typing', { conversationId: 'c-1', user: BEN });
    jest.advanceTimersByTime(2000);
    realtime.serverSends('chat:typing', { conversationId: 'c-1', user: CLARA });
    realtime.serverSends('chat:typing', { conversationId: 'c-2', user: CLARA });
    expect(names(typing, 'c-1')).toEqual(['Ben Okafor', 'Clara Vasquez']);
    jest.advanceTimersByTime(TYPING_SHOWN_MS - 2000);
    expect(names(typing, 'c-1')).toEqual(['Clara Vasquez']);
    expect(names(typing, 'c-2')).toEqual(['Clara Vasquez']);
  });

  it('stops showing someone as soon as their message arrives', () => {
    const { typing, realtime } = setUp();
    realtime.serverSends('chat:typing', { conversationId: 'c-1', user: BEN });
    realtime.serverSends('chat:typing', { conversationId: 'c-1', user: CLARA });
    realtime.serverSends('chat:message', message(1, BEN, { conversationId: 'c-1' }));
    expect(names(typing, 'c-1')).toEqual(['Clara Vasquez']);
  });

  it('ignores my own typing from another tab', () => {
    const { typing, realtime } = setUp();
    realtime.serverSends('chat:typing', { conversationId: 'c-1', user: ANNA });
    expect(names(typing, 'c-1')).toEqual([]);
  });

  it('announces my typing at most once every two seconds per conversation', () => {
    const { typing, realtime } = setUp();
    typing.announce('c-1');
    typing.announce('c-1');
    typing.announce('c-2');
    jest.advanceTimersByTime(ANNOUNCE_EVERY_MS - 1);
    typing.announce('c-1');
    jest.advanceTimersByTime(1);
    typing.announce('c-1');
    expect(realtime.notified).toEqual([
      { event: 'chat:typing', payload: { conversationId: 'c-1' } },
      { event: 'chat:typing', payload: { conversationId: 'c-2' } },
      { event: 'chat:typing', payload: { conversationId: 'c-1' } },
    ]);
  });

  it('words the line for one, two or more typists', () => {
    expect(typingLine([])).toBeNull();
    expect(typingLine([ANNA])).toBe('Anna Petrova is typing…');
    expect(typingLine([ANNA, BEN])).toBe('Anna Petrova and Ben Okafor are typing…');
    expect(typingLine([ANNA, BEN, CLARA])).toBe('Several people are typing…');
  });
});
