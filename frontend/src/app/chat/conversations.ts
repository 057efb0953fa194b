import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { type Conversation, type Message, PUBLIC_UNREAD_CAP } from '@gallery/contracts';
import { Subscription, firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';
import { ChatApi } from './chat-api';
import { isMember } from './conversation-info';
import { compareIds, laterId } from './merge';

export type ListStatus = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * The signed-in painter's conversations, kept live: the list with last messages and unread
 * counts (the header's badge reads the total), which one is on screen, and whether the page is
 * visible. Starts on first use and follows the session: another painter gets another list.
 */
@Injectable({ providedIn: 'root' })
export class Conversations {
  private readonly api = inject(ChatApi);
  private readonly realtime = inject(Realtime);
  private readonly session = inject(Session);
  private readonly document = inject(DOCUMENT);

  private readonly items = signal<readonly Conversation[]>([]);
  private readonly state = signal<ListStatus>('idle');
  private readonly problem = signal<string | null>(null);
  private readonly openId = signal<string | null>(null);
  private readonly visibleNow = signal(this.document.visibilityState !== 'hidden');
  private readonly wanted = signal(false);
  private loading: Promise<void> | null = null;
  /** Bumped on every reset, so an answer meant for the previous painter is dropped. */
  private generation = 0;

  /** Public room first, then the others by latest message. */
  readonly list = this.items.asReadonly();
  readonly status = this.state.asReadonly();
  readonly error = this.problem.asReadonly();
  /** Unread messages addressed to me (direct chats and groups); the public room's chatter is left out. */
  readonly totalUnread = computed(() =>
    this.items().reduce(
      (sum, conversation) => sum + (conversation.kind === 'public' ? 0 : conversation.unreadCount),
      0,
    ),
  );
  /** The conversation on screen, if any. */
  readonly openConversationId = this.openId.asReadonly();
  /** True while the tab is visible: only then do messages count as read. */
  readonly pageVisible = this.visibleNow.asReadonly();

  private readonly meId = computed(() => this.session.me()?.id ?? null);

  /** One painter's list at a time: signing out or in as someone else starts over. */
  private readonly follow = effect((onCleanup) => {
    const meId = this.meId();
    const wanted = this.wanted();
    untracked(() => this.reset());
    if (!wanted || !meId) {
      return;
    }
    const subscription = untracked(() => this.listen());
    untracked(() => void this.refresh());
    onCleanup(() => subscription.unsubscribe());
  });

  constructor() {
    const visibility = () => this.visibleNow.set(this.document.visibilityState !== 'hidden');
    this.document.addEventListener('visibilitychange', visibility);
    inject(DestroyRef).onDestroy(() => this.document.removeEventListener('visibilitychange', visibility));
  }

  /** Loads the list and keeps it live from now on. Safe to call again. */
  start(): void {
    this.wanted.set(true);
  }

  /** One conversation from the list. */
  find(id: string): Conversation | null {
    return this.list().find((conversation) => conversation.id === id) ?? null;
  }

  /** Fetches the list again (on start, after a reconnect, or when a conversation is missing). */
  refresh(): Promise<void> {
    this.loading ??= this.fetch().finally(() => (this.loading = null));
    return this.loading;
  }

  /** Says which conversation is on screen (null: none); its messages stop counting as unread. */
  setOpen(id: string | null): void {
    this.openId.set(id);
    if (id !== null && this.visibleNow()) {
      this.markRead(id);
    }
  }

  /** Everything in the conversation counts as read now. */
  markRead(id: string): void {
    this.patch(id, (conversation) =>
      conversation.unreadCount === 0 ? conversation : { ...conversation, unreadCount: 0 },
    );
  }

  /** Takes a conversation an action answered with (opened, created, renamed…), or the server sent. */
  upsert(conversation: Conversation): void {
    const me = this.session.me();
    if (me && !isMember(conversation, me.id)) {
      this.remove(conversation.id);
      return;
    }
    const update = this.isOnScreen(conversation.id) ? { ...conversation, unreadCount: 0 } : conversation;
    this.items.update((items) => {
      const before = items.find((item) => item.id === update.id);
      const newer = before?.lastMessage;
      // An update computed before a message that is already here: keep that message and its count.
      const shown =
        newer && update.lastMessage && compareIds(newer.id, update.lastMessage.id) > 0
          ? { ...update, lastMessage: newer, unreadCount: before.unreadCount }
          : update;
      if (before && before.lastMessage?.id === shown.lastMessage?.id) {
        return items.map((item) => (item.id === shown.id ? shown : item));
      }
      // New, or with a newer message: to the top, as the server would order it.
      return toTop(items, shown);
    });
  }

  /** Drops a conversation from the list (deleted for me, left, or removed from it). */
  remove(id: string): void {
    this.items.update((items) => items.filter((item) => item.id !== id));
  }

  /**
   * A message arrived: it becomes the conversation's last one and, if not seen, unread. The
   * public room's count grows here only: the server sends no conversation:updated per public
   * message, and, like the server's, the count stops at PUBLIC_UNREAD_CAP.
   */
  receive(message: Message): void {
    const me = this.session.me();
    const counts = message.sender.id !== me?.id && !this.isOnScreen(message.conversationId);
    const conversation = this.items().find((item) => item.id === message.conversationId);
    const last = conversation?.lastMessage;
    if (conversation && !(last && compareIds(last.id, message.id) >= 0)) {
      const unread = conversation.unreadCount + (counts ? 1 : 0);
      this.items.update((items) =>
        toTop(items, {
          ...conversation,
          lastMessage: message,
          unreadCount: conversation.kind === 'public' ? Math.min(unread, PUBLIC_UNREAD_CAP) : unread,
        }),
      );
    }
    // A conversation I had deleted, or one just created: its conversation:updated follows, but
    // fetch in case it does not.
    if (!conversation && this.state() === 'ready') {
      void this.refresh();
    }
  }

  private listen(): Subscription {
    const subscription = new Subscription();
    subscription.add(this.realtime.on('chat:message').subscribe((message) => this.receive(message)));
    subscription.add(
      this.realtime.on('conversation:updated').subscribe((conversation) => this.upsert(conversation)),
    );
    subscription.add(
      this.realtime.on('chat:read').subscribe(({ conversationId, userId, messageId }) => {
        this.patch(conversationId, (conversation) => withMemberRead(conversation, userId, messageId));
        // Read here or in another tab, up to the latest message: nothing left unread.
        const last = this.find(conversationId)?.lastMessage;
        if (userId === this.meId() && (!last || compareIds(messageId, last.id) >= 0)) {
          this.markRead(conversationId);
        }
      }),
    );
    // Whatever happened while the socket was down is only in the api now.
    subscription.add(this.realtime.reconnects.subscribe(() => void this.refresh()));
    return subscription;
  }

  private async fetch(): Promise<void> {
    const generation = this.generation;
    if (this.state() !== 'ready') {
      this.state.set('loading');
    }
    try {
      const conversations = await firstValueFrom(this.api.conversations());
      if (generation !== this.generation) {
        return;
      }
      this.items.set(
        conversations.map((conversation) =>
          this.isOnScreen(conversation.id) ? { ...conversation, unreadCount: 0 } : conversation,
        ),
      );
      this.state.set('ready');
      this.problem.set(null);
    } catch (error) {
      if (generation !== this.generation) {
        return;
      }
      this.problem.set(describeApiError(error));
      if (this.state() !== 'ready') {
        this.state.set('failed');
      }
    }
  }

  private isOnScreen(id: string): boolean {
    return this.openId() === id && this.visibleNow();
  }

  private patch(id: string, change: (conversation: Conversation) => Conversation): void {
    this.items.update((items) => items.map((item) => (item.id === id ? change(item) : item)));
  }

  private reset(): void {
    this.generation++;
    this.loading = null;
    this.items.set([]);
    this.state.set('idle');
    this.problem.set(null);
  }
}

/** A member's read position moved forward (never back: receipts may arrive out of order). */
function withMemberRead(conversation: Conversation, userId: string, messageId: string): Conversation {
  const member = conversation.members.find((m) => m.id === userId);
  if (!member || laterId(member.lastReadId, messageId) === member.lastReadId) {
    return conversation;
  }
  return {
    ...conversation,
    members: conversation.members.map((m) => (m.id === userId ? { ...m, lastReadId: messageId } : m)),
  };
}

/** The conversation first after the public room, which always leads. */
function toTop(items: readonly Conversation[], conversation: Conversation): Conversation[] {
  const rest = items.filter((item) => item.id !== conversation.id);
  const publicRoom = rest.filter((item) => item.kind === 'public');
  const others = rest.filter((item) => item.kind !== 'public');
  return conversation.kind === 'public'
    ? [conversation, ...others]
    : [...publicRoom, conversation, ...others];
}
