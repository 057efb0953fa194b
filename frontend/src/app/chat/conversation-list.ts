import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { Conversation, Message, UserSummary } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { ChatApi } from './chat-api';
import { excerpt } from './message-state';
import { ChatThreads } from './threads';

import { Session } from '../auth/session';
import { Realtime } from '../realtime/realtime';
import { Avatar } from '../ui/avatar';
import {
  conversationPeer,
  conversationTitle,
  listTime,
  messagePreview,
  unreadBadge,
} from './conversation-info';
import { Conversations } from './conversations';
import { Typing, typingLine } from './typing';

/** One line of the list, ready to show. */
interface ListItem {
  readonly id: string;
  readonly kind: Conversation['kind'];
  readonly title: string;
  /** Who the picture shows: the other painter, or the group by its name. */
  readonly face: Pick<UserSummary, 'username' | 'displayName' | 'avatarUrl'> | null;
  readonly online: boolean;
  readonly preview: string;
  readonly typing: string | null;
  readonly time: string | null;
  readonly unread: number;
  /** What the unread badge says. */
  readonly badge: string;
}

/** Typing pauses this long before the search asks the api. */
export const SEARCH_DELAY_MS = 250;

/** The conversations, public room first, each with its latest message and unread count. */
@Component({
  selector: 'app-conversation-list',
  imports: [Avatar, RouterLink],
  templateUrl: './conversation-list.html',
  styleUrl: './conversation-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConversationList {
  protected readonly conversations = inject(Conversations);
  private readonly session = inject(Session);
  private readonly realtime = inject(Realtime);
  private readonly typing = inject(Typing);
  private readonly api = inject(ChatApi);
  private readonly threads = inject(ChatThreads);
  private readonly router = inject(Router);

  /** The search box: hits replace the list while it has words. */
  protected readonly query = signal('');
  protected readonly hits = signal<readonly Message[] | null>(null);
  protected readonly searchError = signal<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected search(text: string): void {
    this.query.set(text);
    clearTimeout(this.timer);
    if (!text.trim()) {
      this.hits.set(null);
      this.searchError.set(null);
      return;
    }
    this.timer = setTimeout(() => void this.ask(text.trim()), SEARCH_DELAY_MS);
  }

  protected clearSearch(): void {
    this.search('');
  }

  /** Opens the hit's conversation at the hit. */
  protected async open(hit: Message): Promise<void> {
    void this.threads.jumpTo(hit.conversationId, hit.id);
    await this.router.navigate(['/chat', hit.conversationId]);
  }

  protected hitTitle(hit: Message): string {
    const conversation = this.conversations.find(hit.conversationId);
    return conversation ? conversationTitle(conversation, this.session.me()?.id ?? null) : '';
  }

  protected readonly excerpt = excerpt;

  private async ask(text: string): Promise<void> {
    const n = ++this.asked;
    try {
      const items = await firstValueFrom(this.api.search(text));
      if (n === this.asked) {
        this.hits.set(items);
        this.searchError.set(null);
      }
    } catch (error) {
      if (n === this.asked) {
        this.searchError.set(describeApiError(error));
      }
    }
  }

  private readonly onlineIds = computed(() => new Set(this.realtime.online().map((user) => user.id)));

  protected readonly items = computed<ListItem[]>(() => {
    const meId = this.session.me()?.id ?? null;
    const typing = this.typing.byConversation();
    const online = this.onlineIds();
    return this.conversations.list().map((conversation) => {
      const peer = conversationPeer(conversation, meId);
      const title = conversationTitle(conversation, meId);
      return {
        id: conversation.id,
        kind: conversation.kind,
        title,
        face:
          conversation.kind === 'public'
            ? null
            : (peer ?? { username: conversation.id, displayName: title, avatarUrl: null }),
        online: peer !== null && online.has(peer.id),
        preview: messagePreview(conversation.lastMessage, conversation, meId),
        typing: typingLine(typing[conversation.id] ?? []),
        time: conversation.lastMessage ? listTime(conversation.lastMessage.createdAt) : null,
        unread: conversation.unreadCount,
        badge: unreadBadge(conversation),
      };
    });
  });
}
