import type { Conversation, ConversationMember, Message } from '@gallery/contracts';
import type { MediaStorage } from '../storage/media-storage';
import type { UserEntity } from '../users/user.entity';
import { UserMapper } from '../users/user.mapper';
import type { ConversationEntity } from './conversation.entity';
import type { MessageEntity } from './message.entity';

/** Chat rows to API shapes (needs message senders loaded). */
export class ChatMapper {
  private readonly users: UserMapper;

  constructor(private readonly storage: MediaStorage) {
    this.users = new UserMapper(storage);
  }

  message(m: MessageEntity): Message {
    const a = m.attachment;
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
    };
  }

  conversation(
    c: ConversationEntity,
    members: { user: UserEntity; role: ConversationMember['role']; lastReadId: string | null }[],
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
