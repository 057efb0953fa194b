import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { UserSummary } from '@gallery/contracts';

import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';

/** How long "… is typing" stays after the last sign of it (senders announce every ~2 s). */
export const TYPING_SHOWN_MS = 4000;
/** At most one announcement of my typing per conversation in this time. */
export const ANNOUNCE_EVERY_MS = 2000;

interface Typist {
  readonly user: UserSummary;
  readonly until: number;
}

/**
 * Who is typing where, from the socket's chat:typing events, each shown for a few seconds after
 * the last one; and my own typing, announced sparingly. Provided by the chat page.
 */
@Injectable()
export class Typing {
  private readonly realtime = inject(Realtime);
  private readonly session = inject(Session);
  private readonly typists = signal<Readonly<Record<string, readonly Typist[]>>>({});
  private readonly announced = new Map<string, number>();

  /** The painters typing in each conversation, by conversation id. */
  readonly byConversation = computed(() => {
    const result: Record<string, readonly UserSummary[]> = {};
    for (const [conversationId, typists] of Object.entries(this.typists())) {
      result[conversationId] = typists.map((typist) => typist.user);
    }
    return result;
  });

  constructor() {
    this.realtime
      .on('chat:typing')
      .pipe(takeUntilDestroyed())
      .subscribe(({ conversationId, user }) => this.note(conversationId, user));
    // A message is the end of the typing that led to it.
    this.realtime
      .on('chat:message')
      .pipe(takeUntilDestroyed())
      .subscribe((message) => this.stop(message.conversationId, message.sender.id));
  }

  /** Someone is typing in a conversation; my own typing (another tab) is not news. */
  note(conversationId: string, user: UserSummary): void {
    if (user.id === this.session.me()?.id) {
      return;
    }
    const until = Date.now() + TYPING_SHOWN_MS;
    this.typists.update((all) => {
      const others = (all[conversationId] ?? []).filter((typist) => typist.user.id !== user.id);
      return { ...all, [conversationId]: [...others, { user, until }] };
    });
    setTimeout(() => this.prune(), TYPING_SHOWN_MS);
  }

  /** Someone stopped typing (their message arrived). */
  stop(conversationId: string, userId: string): void {
    const typists = this.typists()[conversationId];
    if (typists?.some((typist) => typist.user.id === userId)) {
      this.set(
        conversationId,
        typists.filter((typist) => typist.user.id !== userId),
      );
    }
  }

  /**
   * I am typing: tells the others, at most once every ANNOUNCE_EVERY_MS per conversation. The
   * server drops announcements closer together than 1.5 s, so a steady rhythm above that is
   * what keeps the indicator on at the other end.
   */
  announce(conversationId: string): void {
    const now = Date.now();
    if (now - (this.announced.get(conversationId) ?? -Infinity) < ANNOUNCE_EVERY_MS) {
      return;
    }
    this.announced.set(conversationId, now);
    this.realtime.notify('chat:typing', { conversationId });
  }

  private prune(): void {
    const now = Date.now();
    const all = this.typists();
    for (const [conversationId, typists] of Object.entries(all)) {
      const current = typists.filter((typist) => typist.until > now);
      if (current.length !== typists.length) {
        this.set(conversationId, current);
      }
    }
  }

  private set(conversationId: string, typists: readonly Typist[]): void {
    this.typists.update((all) => {
      const next = { ...all };
      if (typists.length === 0) {
        delete next[conversationId];
      } else {
        next[conversationId] = typists;
      }
      return next;
    });
  }
}

/** "Anna is typing…", "Anna and Ben are typing…", "Several people are typing…". */
export function typingLine(users: readonly UserSummary[]): string | null {
  const names = users.map((user) => user.displayName);
  switch (names.length) {
    case 0:
      return null;
    case 1:
      return `${names[0]} is typing…`;
    case 2:
      return `${names[0]} and ${names[1]} are typing…`;
    default:
      return 'Several people are typing…';
  }
}
