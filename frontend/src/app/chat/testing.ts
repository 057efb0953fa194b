import { signal } from '@angular/core';
import type {
  Conversation,
  ConversationMember,
  Me,
  Message,
  ServerToClientEvents,
  UserSummary,
} from '@gallery/contracts';
import { type Observable, Subject } from 'rxjs';

import type { ClientAck, ClientEvent, ClientPayload, ServerEvent, ServerPayload } from '../realtime/realtime';

/** Builders and a stand-in socket for the chat specs: only what a test cares about spelled out. */

export const ANNA: UserSummary = {
  id: 'u-anna',
  username: 'anna',
  displayName: 'Anna Petrova',
  avatarUrl: null,
};
export const BEN: UserSummary = { id: 'u-ben', username: 'ben', displayName: 'Ben Okafor', avatarUrl: null };
export const CLARA: UserSummary = {
  id: 'u-clara',
  username: 'clara',
  displayName: 'Clara Vasquez',
  avatarUrl: null,
};

export function me(user: UserSummary = ANNA): Me {
  return { ...user, bio: '', role: 'user', createdAt: '2026-01-01T00:00:00.000Z' };
}

/** Message ids sort like the api's UUIDv7: `m-001` < `m-002`. */
export function message(n: number, sender: UserSummary, changes: Partial<Message> = {}): Message {
  return {
    id: `m-${String(n).padStart(3, '0')}`,
    conversationId: 'c-direct',
    sender,
    body: `message ${n}`,
    attachment: null,
    createdAt: new Date(Date.UTC(2026, 4, 2, 10, n)).toISOString(),
    editedAt: null,
    deletedAt: null,
    replyTo: null,
    reactions: [],
    mentions: [],
    ...changes,
  };
}

export function member(
  user: UserSummary,
  role: ConversationMember['role'] = 'member',
  lastReadId: string | null = null,
): ConversationMember {
  return { ...user, role, lastReadId };
}

export function conversation(id: string, changes: Partial<Conversation> = {}): Conversation {
  const kind = changes.kind ?? (id === 'public' ? 'public' : 'direct');
  return {
    id,
    kind,
    name: kind === 'public' ? 'Public room' : null,
    members: kind === 'public' ? [] : [member(ANNA), member(BEN)],
    lastMessage: null,
    unreadCount: 0,
    pinned: [],
    ...changes,
  };
}

/** What a spec sent through the fake socket. */
export interface Sent {
  readonly event: ClientEvent;
  readonly payload: unknown;
}

/**
 * The socket as the chat sees it: specs push server events with `serverSends` and answer
 * requests by setting `answer`.
 */
export class FakeRealtime {
  private readonly subjects = new Map<ServerEvent, Subject<unknown>>();
  readonly reconnected = new Subject<void>();
  readonly reconnects: Observable<void> = this.reconnected.asObservable();
  readonly connected = signal(true);
  readonly isConnected = this.connected.asReadonly();
  readonly onlineUsers = signal<readonly UserSummary[]>([]);
  readonly online = this.onlineUsers.asReadonly();
  readonly notified: Sent[] = [];
  readonly requested: Sent[] = [];
  /** How requests are answered; a rejected promise stands for a timeout. */
  answer: (event: ClientEvent, payload: unknown) => Promise<unknown> = () => new Promise(() => undefined);

  on<K extends ServerEvent>(event: K): Observable<ServerPayload<K>> {
    return this.subject(event).asObservable() as Observable<ServerPayload<K>>;
  }

  serverSends<K extends ServerEvent>(event: K, payload: Parameters<ServerToClientEvents[K]>[0]): void {
    this.subject(event).next(payload);
  }

  start(): void {
    // Nothing to open.
  }

  notify<K extends 'chat:typing' | 'chat:read'>(event: K, payload: ClientPayload<K>): void {
    this.notified.push({ event, payload });
  }

  request<K extends ClientEvent>(event: K, payload: ClientPayload<K>): Promise<ClientAck<K>> {
    this.requested.push({ event, payload });
    return this.answer(event, payload) as Promise<ClientAck<K>>;
  }

  private subject(event: ServerEvent): Subject<unknown> {
    let subject = this.subjects.get(event);
    if (!subject) {
      subject = new Subject<unknown>();
      this.subjects.set(event, subject);
    }
    return subject;
  }
}

/** Lets awaited promises (HTTP answers turned into promises) run to their end. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
  }
}
