import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type ChatReaction, LIMITS, type Message, PUBLIC_ROOM_ID, type Page } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';
import { ChatApi } from './chat-api';
import { Conversations } from './conversations';
import { compareIds, laterId, mergeMessages } from './merge';
import { applyRemoval, applyUpdate, reactionIsMine, withMine } from './message-state';
import { Throttle } from './throttle';

/**
 * The public room can be busy: while it is open, where I have read it goes to the server at most
 * this often (and once more on leaving), not with every message.
 */
export const PUBLIC_READ_EVERY_MS = 5000;

/** A message on its way: shown at once, replaced by the real one when the server has it. */
export interface PendingMessage {
  readonly localId: string;
  readonly body: string;
  readonly createdAt: string;
}

/** One conversation's messages as far as they are loaded, and what is being typed in it. */
export interface Thread {
  /** Oldest first. */
  readonly messages: readonly Message[];
  readonly pending: readonly PendingMessage[];
  /** Pass as `before` for older messages; null when the start of the conversation is loaded. */
  readonly olderCursor: string | null;
  readonly status: 'loading' | 'ready' | 'failed';
  readonly olderStatus: 'idle' | 'loading' | 'failed';
  readonly loadError: string | null;
  readonly sendError: string | null;
  /** The latest message each member is known to have read, by user id. */
  readonly reads: Readonly<Record<string, string>>;
  /** Loaded around a message (a search hit): newer messages than these may be missing. */
  readonly newerMissing?: boolean;
}

/** What the composer is doing besides writing a new message. */
export type ComposeMode = { readonly kind: 'reply' | 'edit'; readonly message: Message } | null;

const EMPTY_THREAD: Thread = {
  messages: [],
  pending: [],
  olderCursor: null,
  status: 'loading',
  olderStatus: 'idle',
  loadError: null,
  sendError: null,
  reads: {},
};

/**
 * The messages of the conversations opened on the chat page: history pages loaded upwards, live
 * messages merged in (each once), optimistic sending, read marks and receipts. Provided by the
 * chat page, so leaving chat lets it all go.
 */
@Injectable()
export class ChatThreads {
  private readonly api = inject(ChatApi);
  private readonly realtime = inject(Realtime);
  private readonly session = inject(Session);
  private readonly conversations = inject(Conversations);

  private readonly threads = signal<Readonly<Record<string, Thread>>>({});
  private readonly current = signal<string | null>(null);
  /** What is typed but not sent, per conversation; kept apart so it outlives a thread's reload. */
  private readonly drafts = signal<Readonly<Record<string, string>>>({});
  /** The latest message I said I had read, per conversation. */
  private readonly readSent = new Map<string, string>();
  private readonly publicRead = new Throttle<string>(PUBLIC_READ_EVERY_MS, (messageId) =>
    this.realtime.notify('chat:read', { conversationId: PUBLIC_ROOM_ID, messageId }),
  );
  private readonly modes = signal<Readonly<Record<string, ComposeMode>>>({});
  private counter = 0;
  /** The message to scroll to and highlight (a search hit, a quoted original); `n` repeats a jump. */
  readonly focused = signal<{ readonly messageId: string; readonly n: number } | null>(null);
  /** Replying to or editing a message in the open conversation. */
  readonly mode = computed<ComposeMode>(() => {
    const id = this.current();
    return id ? (this.modes()[id] ?? null) : null;
  });
  /** Why the last edit, deletion, reaction or pin failed. */
  readonly actionError = signal<string | null>(null);

  /** The open conversation's thread (null before one is opened). */
  readonly thread = computed(() => {
    const id = this.current();
    return id ? (this.threads()[id] ?? null) : null;
  });
  readonly currentId = this.current.asReadonly();
  /** What is typed in the open conversation. */
  readonly draft = computed(() => {
    const id = this.current();
    return id ? (this.drafts()[id] ?? '') : '';
  });

  /** While a conversation is open and the page visible, its newest message counts as read. */
  private readonly readMarker = effect(() => {
    const id = this.current();
    const latest = this.thread()?.messages.at(-1);
    if (
      !id ||
      !latest ||
      !this.conversations.pageVisible() ||
      this.conversations.openConversationId() !== id
    ) {
      return;
    }
    untracked(() => this.markRead(id, latest));
  });

  constructor() {
    this.realtime
      .on('chat:message')
      .pipe(takeUntilDestroyed())
      .subscribe((message) => this.receive(message));
    this.realtime
      .on('chat:read')
      .pipe(takeUntilDestroyed())
      .subscribe(({ conversationId, userId, messageId }) =>
        this.patch(conversationId, (thread) => withRead(thread, userId, messageId)),
      );
    this.realtime
      .on('chat:updated')
      .pipe(takeUntilDestroyed())
      .subscribe((message) => this.update(message));
    this.realtime
      .on('chat:removed')
      .pipe(takeUntilDestroyed())
      // Deleted by its sender (a tombstone) or, `removed`, by a moderator: a placeholder either way.
      .subscribe(({ conversationId, messageId, removed }) =>
        this.patch(conversationId, (t) => ({
          ...t,
          messages: applyRemoval(t.messages, messageId, new Date(), removed === true),
        })),
      );
    // Missed while disconnected: the open conversation's newest page again; the rest on opening.
    this.realtime.reconnects.pipe(takeUntilDestroyed()).subscribe(() => void this.catchUp());
    inject(DestroyRef).onDestroy(() => this.publicRead.flush());
  }

  /** Shows a conversation, loading its newest messages unless they are here already. */
  open(id: string): void {
    this.current.set(id);
    const thread = this.threads()[id];
    if (!thread || thread.status === 'failed') {
      this.threads.update((all) => ({
        ...all,
        [id]: { ...(thread ?? EMPTY_THREAD), status: 'loading', loadError: null },
      }));
      void this.loadNewest(id);
    }
  }

  /** Leaves the conversation on screen (its thread stays for coming back). */
  close(): void {
    this.current.set(null);
    this.publicRead.flush();
  }

  /** Forgets a conversation entirely (deleted for me, or left). */
  forget(id: string): void {
    this.threads.update((all) => {
      const next = { ...all };
      delete next[id];
      return next;
    });
    this.drafts.update((drafts) => {
      const next = { ...drafts };
      delete next[id];
      return next;
    });
    this.readSent.delete(id);
  }

  /** Loads the page before the oldest message shown. */
  async loadOlder(): Promise<void> {
    const id = this.current();
    const thread = this.thread();
    if (!id || !thread || !thread.olderCursor || thread.olderStatus === 'loading') {
      return;
    }
    this.patch(id, (t) => ({ ...t, olderStatus: 'loading' }));
    try {
      const page = await firstValueFrom(this.api.history(id, thread.olderCursor));
      this.patch(id, (t) => ({
        ...withReadsFrom(t, page.items),
        messages: mergeMessages(page.items, t.messages),
        olderCursor: page.nextCursor,
        olderStatus: 'idle',
      }));
    } catch {
      this.patch(id, (t) => ({ ...t, olderStatus: 'failed' }));
    }
  }

  setDraft(text: string): void {
    const id = this.current();
    if (id) {
      this.drafts.update((drafts) => ({ ...drafts, [id]: text }));
      this.patch(id, (thread) => (thread.sendError ? { ...thread, sendError: null } : thread));
    }
  }

  dismissSendError(): void {
    const id = this.current();
    if (id) {
      this.patch(id, (thread) => ({ ...thread, sendError: null }));
    }
  }

  /**
   * Sends the draft of the open conversation. The message shows at once; if the server refuses
   * it (too many messages, connection gone), it disappears again and its text goes back into
   * the draft with the reason, so nothing typed is lost.
   */
  async send(): Promise<void> {
    const id = this.current();
    const body = this.draft().trim();
    if (!id || !body || body.length > LIMITS.chatMessage.max) {
      return;
    }
    const mode = this.mode();
    if (mode?.kind === 'edit') {
      await this.saveEdit(id, mode.message, body);
      return;
    }
    const replyToId = mode?.kind === 'reply' ? mode.message.id : undefined;
    this.setMode(id, null);
    const pending: PendingMessage = {
      localId: `local-${++this.counter}`,
      body,
      createdAt: new Date().toISOString(),
    };
    this.patch(id, (t) => ({ ...t, pending: [...t.pending, pending], sendError: null }));
    this.drafts.update((drafts) => ({ ...drafts, [id]: '' }));
    const result = await this.deliver(id, body, replyToId);
    this.patch(id, (t) => {
      const rest = t.pending.filter((p) => p.localId !== pending.localId);
      return 'message' in result
        ? { ...t, pending: rest, messages: mergeMessages(t.messages, [result.message]) }
        : { ...t, pending: rest, sendError: result.error };
    });
    if ('message' in result) {
      this.conversations.receive(result.message);
      return;
    }
    // Back into the draft, before anything typed since.
    this.drafts.update((drafts) => {
      const typed = drafts[id] ?? '';
      return { ...drafts, [id]: typed.trim() ? `${body}\n${typed}` : body };
    });
  }

  /** A message from the socket (or an answer): merged once into its thread, if that is loaded. */
  receive(message: Message): void {
    this.patch(message.conversationId, (thread) => {
      let pending = thread.pending;
      // My own message can come back over the socket before the acknowledgement does.
      if (message.sender.id === this.session.me()?.id) {
        const index = pending.findIndex((p) => p.body === message.body);
        if (index >= 0) {
          pending = pending.filter((_, i) => i !== index);
        }
      }
      return {
        ...withReadsFrom(thread, [message]),
        pending,
        messages: mergeMessages(thread.messages, [message]),
      };
    });
  }

  /** Answers a message: the composer shows its quote until sent or cancelled. */
  startReply(message: Message): void {
    this.setMode(message.conversationId, { kind: 'reply', message });
  }

  /** Edits my message in the composer, its text in the field. */
  startEdit(message: Message): void {
    this.setMode(message.conversationId, { kind: 'edit', message });
    this.drafts.update((drafts) => ({ ...drafts, [message.conversationId]: message.body }));
  }

  cancelMode(): void {
    const id = this.current();
    if (id) {
      if (this.mode()?.kind === 'edit') {
        this.drafts.update((drafts) => ({ ...drafts, [id]: '' }));
      }
      this.setMode(id, null);
    }
  }

  /** Adds my reaction, or takes it back if I had given that one. */
  async react(message: Message, emoji: ChatReaction): Promise<void> {
    await this.act(async () => {
      const answer = await firstValueFrom(this.api.react(message.id, emoji, !reactionIsMine(message, emoji)));
      this.update(answer);
    });
  }

  /** Deletes a message for everyone; a tombstone stays. */
  async remove(message: Message): Promise<void> {
    await this.act(async () => {
      await firstValueFrom(this.api.deleteMessage(message.id));
      this.patch(message.conversationId, (t) => ({ ...t, messages: applyRemoval(t.messages, message.id) }));
    });
  }

  /** Pins (or unpins) a group message; the list learns the new pins from the answer. */
  async pin(message: Message, on: boolean): Promise<void> {
    await this.act(async () => {
      this.conversations.upsert(await firstValueFrom(this.api.pin(message.conversationId, message.id, on)));
    });
  }

  /**
   * Shows a message in its conversation: scrolls to it if loaded, else loads the page around it
   * in place of the thread (newer messages come back with showLatest).
   */
  async jumpTo(conversationId: string, messageId: string): Promise<void> {
    const loaded = this.threads()[conversationId];
    if (loaded?.status === 'ready' && loaded.messages.some((m) => m.id === messageId)) {
      this.focus(messageId);
      return;
    }
    this.threads.update((all) => ({
      ...all,
      [conversationId]: { ...EMPTY_THREAD, reads: all[conversationId]?.reads ?? {}, status: 'loading' },
    }));
    try {
      const page = await firstValueFrom(this.api.around(conversationId, messageId));
      const newest = this.conversations.find(conversationId)?.lastMessage?.id;
      this.patch(conversationId, (t) => ({
        ...withReadsFrom(t, page.items),
        messages: page.items,
        olderCursor: page.nextCursor,
        status: 'ready',
        newerMissing: !!newest && !page.items.some((m) => m.id === newest),
      }));
      this.focus(messageId);
    } catch (error) {
      this.patch(conversationId, (t) => ({ ...t, status: 'failed', loadError: describeApiError(error) }));
    }
  }

  /** Back to the newest messages after a jump. */
  async showLatest(): Promise<void> {
    const id = this.current();
    if (id) {
      this.patch(id, () => ({ ...EMPTY_THREAD }));
      await this.loadNewest(id);
    }
  }

  /** An edited message, or new reactions, from the socket or an answer. */
  update(message: Message): void {
    const mine = withMine(message, this.session.me()?.id ?? null);
    this.patch(message.conversationId, (t) => ({ ...t, messages: applyUpdate(t.messages, mine) }));
  }

  private async saveEdit(id: string, message: Message, body: string): Promise<void> {
    try {
      const answer = await firstValueFrom(this.api.editMessage(message.id, body));
      this.update(answer);
      this.setMode(id, null);
      this.drafts.update((drafts) => ({ ...drafts, [id]: '' }));
    } catch (error) {
      this.patch(id, (t) => ({ ...t, sendError: describeApiError(error) }));
    }
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.actionError.set(null);
    try {
      await work();
    } catch (error) {
      this.actionError.set(describeApiError(error));
    }
  }

  private focus(messageId: string): void {
    this.focused.update((f) => ({ messageId, n: (f?.n ?? 0) + 1 }));
  }

  private setMode(id: string, mode: ComposeMode): void {
    this.modes.update((all) => ({ ...all, [id]: mode }));
  }

  private async deliver(
    id: string,
    body: string,
    replyToId?: string,
  ): Promise<{ message: Message } | { error: string }> {
    if (!this.realtime.isConnected()) {
      try {
        return { message: await firstValueFrom(this.api.send(id, body, replyToId)) };
      } catch (error) {
        return { error: describeApiError(error) };
      }
    }
    try {
      const ack = await this.realtime.request('chat:send', {
        conversationId: id,
        body,
        ...(replyToId ? { replyToId } : {}),
      });
      return ack.ok ? { message: ack.message } : { error: sentence(ack.error) };
    } catch {
      return {
        error: 'The message could not be sent: no answer from Gallery. Check your connection and try again.',
      };
    }
  }

  private async loadNewest(id: string): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.history(id, null));
      this.patch(id, (thread) => ({ ...joinNewest(thread, page), status: 'ready', loadError: null }));
    } catch (error) {
      this.patch(id, (thread) => ({ ...thread, status: 'failed', loadError: describeApiError(error) }));
    }
  }

  private async catchUp(): Promise<void> {
    const id = this.current();
    // Threads in the background may have missed messages: they load afresh when opened again.
    this.threads.update((all) => (id && all[id] ? { [id]: all[id] } : {}));
    this.readSent.clear();
    if (id) {
      await this.loadNewest(id);
    }
  }

  private markRead(id: string, latest: Message): void {
    const sent = this.readSent.get(id);
    if (sent && compareIds(sent, latest.id) >= 0) {
      return;
    }
    this.readSent.set(id, latest.id);
    if (id === PUBLIC_ROOM_ID) {
      // Sending does not move my public read position (that would cost every public message a
      // write), so my own messages are marked too.
      this.publicRead.push(latest.id);
    } else if (latest.sender.id !== this.session.me()?.id) {
      // Sending a message marks it read on the server.
      this.realtime.notify('chat:read', { conversationId: id, messageId: latest.id });
    }
    this.conversations.markRead(id);
  }

  private patch(id: string, change: (thread: Thread) => Thread): void {
    this.threads.update((all) => {
      const thread = all[id];
      return thread ? { ...all, [id]: change(thread) } : all;
    });
  }
}

/**
 * Puts the newest page into a thread. If it does not reach back to what is already there
 * (many messages were missed), it replaces the thread, and older pages load again on demand.
 */
export function joinNewest(thread: Thread, page: Page<Message>): Thread {
  const newestKnown = thread.messages.at(-1)?.id;
  const oldestNew = page.items[0]?.id;
  const gap =
    page.nextCursor !== null &&
    newestKnown !== undefined &&
    oldestNew !== undefined &&
    compareIds(oldestNew, newestKnown) > 0;
  if (thread.messages.length === 0 || gap) {
    return { ...withReadsFrom(thread, page.items), messages: page.items, olderCursor: page.nextCursor };
  }
  return { ...withReadsFrom(thread, page.items), messages: mergeMessages(thread.messages, page.items) };
}

/** A member read up to a message (never backwards). */
function withRead(thread: Thread, userId: string, messageId: string): Thread {
  const known = thread.reads[userId];
  const latest = laterId(known, messageId);
  return latest === known ? thread : { ...thread, reads: { ...thread.reads, [userId]: latest ?? messageId } };
}

/** Whoever sent a message has read everything up to it. */
function withReadsFrom(thread: Thread, messages: readonly Message[]): Thread {
  return messages.reduce((t, message) => withRead(t, message.sender.id, message.id), thread);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
