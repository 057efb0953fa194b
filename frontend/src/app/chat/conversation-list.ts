import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Conversation, UserSummary } from '@gallery/contracts';

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
