import { Injectable } from '@nestjs/common';
import {
  QUOTE_EXCERPT_MAX,
  type Conversation,
  type ConversationMember,
  type Message,
  type MessageQuote,
  type ReactionCount,
} from '@gallery/contracts';
import { MediaStorage } from '../storage/media-storage';
import type { AuthUser } from '../common/auth-user';
import { UserMapper } from '../users/user.mapper';
import type { ConversationEntity } from './conversation.entity';
import type { MessageEntity } from './message.entity';

/** A message row with its sender: loaded with the relation, or the signed-in sender just now. */
export type MessageWithSender = Omit<MessageEntity, 'sender'> & {
  sender: Parameters<UserMapper['summary']>[0];
};

/** Chat rows to API shapes (needs message senders loaded). */
@Injectable()
export class ChatMapper {
  constructor(
    private readonly storage: MediaStorage,
    private readonly users: UserMapper,
  ) {}

  /**
   * Extras (the quoted message, reactions) come from MessageViews, which loads them per page;
   * `blocked` (the reader's blocked painters) marks their messages blockedSender.
   */
  message(
    m: MessageWithSender,
    extra: {
      replyTo?: MessageQuote | null;
      reactions?: ReactionCount[];
      blocked?: ReadonlySet<string>;
    } = {},
  ): Message {
    // Deleted by its sender (tombstone) or removed by a moderator: no text, file, reactions or mentions.
    const gone = !!(m.deletedAt || m.removedAt);
    const a = gone ? null : m.attachment;
    return {
      id: m.id,
      conversationId: m.conversationId,
      sender: this.users.summary(m.sender),
      body: m.body,
      attachment: a
        ? {
            url: this.storage.url(a.key),
            name: a.name,
            mime: a.mime,
            bytes: a.bytes,
            ...(a.width ? { width: a.width, height: a.height } : {}),
            ...(a.thumbKey ? { thumbUrl: this.storage.url(a.thumbKey) } : {}),
          }
        : null,
      createdAt: new Date(m.createdAt).toISOString(),
      editedAt: m.editedAt ? new Date(m.editedAt).toISOString() : null,
      deletedAt: m.deletedAt ? new Date(m.deletedAt).toISOString() : null,
      replyTo: gone ? null : (extra.replyTo ?? null),
      reactions: gone ? [] : (extra.reactions ?? []),
      mentions: gone ? [] : (m.mentions ?? []),
      // The row's body is already empty; say why, so clients show "removed by a moderator".
      ...(m.removedAt ? { removed: true, body: '' } : {}),
      ...(extra.blocked?.has(m.senderId) ? { blockedSender: true } : {}),
    };
  }

  /** A reply's or pin's view of a message: sender and the start of its text. */
  quote(m: MessageWithSender): MessageQuote {
    const gone = !!(m.deletedAt || m.removedAt);
    const text = gone ? '' : m.body || m.attachment?.name || '';
    return {
      id: m.id,
      sender: this.users.summary(m.sender),
      body: text.length > QUOTE_EXCERPT_MAX ? `${text.slice(0, QUOTE_EXCERPT_MAX - 1)}…` : text,
      deleted: gone,
    };
  }

  conversation(
    c: ConversationEntity,
    members: { user: AuthUser; role: ConversationMember['role']; lastReadId: string | null }[],
    lastMessage: MessageWithSender | null,
    unreadCount: number,
    pinned: MessageQuote[] = [],
    blocked?: ReadonlySet<string>,
  ): Conversation {
    return {
      id: c.id,
      kind: c.kind,
      name: c.name,
      members: members.map((m) => ({
        ...this.users.summary(m.user),
        role: m.role,
        lastReadId: m.lastReadId,
      })),
      lastMessage: lastMessage ? this.message(lastMessage, { blocked }) : null,
      unreadCount,
      pinned,
    };
  }
}
