import { Injectable } from '@nestjs/common';
import type { Conversation, ConversationMember, Message } from '@gallery/contracts';
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

  message(m: MessageWithSender, blocked?: ReadonlySet<string>): Message {
    const a = m.removedAt ? null : m.attachment;
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
      // The row's body is already empty; say why, so clients show "removed by a moderator".
      ...(m.removedAt ? { removed: true, body: '' } : {}),
      ...(blocked?.has(m.senderId) ? { blockedSender: true } : {}),
    };
  }

  conversation(
    c: ConversationEntity,
    members: { user: AuthUser; role: ConversationMember['role']; lastReadId: string | null }[],
    lastMessage: MessageEntity | null,
    unreadCount: number,
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
      lastMessage: lastMessage ? this.message(lastMessage) : null,
      unreadCount,
    };
  }
}
