import { decodeIdCursor } from '../common/cursor';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThrottlerStorage } from '@nestjs/throttler';
import { ROOMS, type Message, type Page } from '@gallery/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, LessThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { RealtimeEmitter } from '../realtime/realtime-emitter';
import { MediaStorage } from '../storage/media-storage';
import { BlocksService } from '../users/blocks.service';
import type { AuthUser } from '../common/auth-user';
import type { PreparedAttachment } from './attachments';
import { ConversationEntity } from './conversation.entity';
import { ChatErrors } from './chat.errors';
import { ChatMapper } from './chat.mapper';
import { ConversationsService } from './conversations.service';
import type { HistoryQuery } from './dto';
import { MemberEntity } from './member.entity';
import { MessageEntity, type StoredAttachment } from './message.entity';
import { PublicReads } from './public-reads';

/** The window of the per-person message limit (RATE_LIMIT_CHAT_PER_10S), across all instances. */
const RATE_WINDOW_MS = 10_000;

@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly mapper: ChatMapper,
    private readonly realtime: RealtimeEmitter,
    private readonly storage: MediaStorage,
    @Inject(ThrottlerStorage) private readonly limiter: ThrottlerStorage,
    private readonly config: AppConfig,
    private readonly publicReads: PublicReads,
    private readonly blocks: BlocksService,
  ) {}

  /** Older messages before `before`, oldest first within the page; nextCursor pages further back. */
  async history(user: AuthUser, conversationId: string, query: HistoryQuery): Promise<Page<Message>> {
    const { member } = await this.conversations.access(user, conversationId);
    const where: FindOptionsWhere<MessageEntity>[] = [{ conversationId }];
    if (query.before) where[0]!.id = LessThan(decodeIdCursor(query.before, 'before'));
    const rows = await this.db.getRepository(MessageEntity).find({
      where,
      order: { id: 'DESC' },
      take: query.limit + 1,
      relations: { sender: true },
      // Senders in a second query: a joined find() with `take` would first collect the whole
      // conversation in a DISTINCT subquery, which grows with the public room's history.
      relationLoadStrategy: 'query',
    });
    // Deleted history stays deleted for this member.
    const cleared = member?.clearedThroughId;
    // A suspended painter's messages are hidden while the suspension lasts.
    const visible = rows.filter((m) => (!cleared || m.id > cleared) && m.sender.suspendedAt === null);
    const page = visible.slice(0, query.limit);
    const more = visible.length > query.limit;
    const blocked = await this.blocks.blockedBy(user.id);
    return {
      items: page.reverse().map((m) => this.mapper.message(m, blocked)),
      nextCursor: more ? page[0]!.id : null,
    };
  }

  /**
   * A moderator's removal, inside their transaction: the body and attachment are erased from the
   * row (so from history, previews and any search), which stays as a "removed" placeholder. Call
   * announceRemoval() once committed.
   */
  async removeByModerator(tx: EntityManager, messageId: string): Promise<MessageEntity> {
    const message = await tx.findOneBy(MessageEntity, { id: messageId });
    if (!message) throw ChatErrors.messageNotFound();
    await tx.update(MessageEntity, { id: messageId }, { body: '', attachment: null, removedAt: Date.now() });
    return message;
  }

  /** After the removal committed: tells the conversation's sockets and deletes the attachment's files. */
  async announceRemoval(message: MessageEntity): Promise<void> {
    const { id: messageId, conversationId, attachment } = message;
    this.realtime.toRooms([ROOMS.conversation(conversationId)], 'chat:removed', {
      conversationId,
      messageId,
    });
    if (attachment) {
      await Promise.all(
        [attachment.key, attachment.thumbKey]
          .filter((k): k is string => !!k)
          .map((k) => this.storage.delete(k)),
      );
    }
  }

  /** Stores and delivers a message; the conversation comes back for members who had deleted it. */
  async send(
    user: AuthUser,
    conversationId: string,
    body: string,
    file?: PreparedAttachment,
  ): Promise<Message> {
    const { conversation } = await this.conversations.access(user, conversationId);
    if (conversation.kind === 'direct')
      await this.blocks.refuseIfBlockedBy(user.id, otherIn(conversation.directKey, user.id));
    await this.checkRate(user);
    const attachment = file ? await this.store(conversationId, file) : null;
    const message = await this.db.transaction(async (tx) => {
      const createdAt = Date.now();
      // Conversation row first: the message's foreign key would otherwise share-lock it, and two
      // senders each wanting it exclusively afterwards deadlock (MySQL).
      await tx.update(ConversationEntity, { id: conversationId }, { lastMessageAt: createdAt });
      const m = await tx.save(
        tx.create(MessageEntity, { conversationId, senderId: user.id, body, attachment, createdAt }),
      );
      if (conversation.kind !== 'public') {
        await tx.update(MemberEntity, { conversationId, userId: user.id }, { lastReadId: m.id });
        await tx.update(MemberEntity, { conversationId, hidden: true }, { hidden: false });
      }
      return m;
    });
    const shaped = this.mapper.message({ ...message, sender: user });
    this.realtime.toRooms([ROOMS.conversation(conversationId)], 'chat:message', shaped);
    if (conversation.kind !== 'public') await this.pushConversation(conversation);
    return shaped;
  }

  /**
   * Records what a member has read and tells the others (read receipts). In the public room it
   * only moves the reader's own position, and only their tabs hear of it: the room keeps no
   * receipts, and a thousand sockets need not know who read what.
   */
  async markRead(user: AuthUser, conversationId: string, messageId: string): Promise<void> {
    const { conversation, member } = await this.conversations.access(user, conversationId);
    const exists = await this.db.getRepository(MessageEntity).existsBy({ id: messageId, conversationId });
    if (!exists) throw ChatErrors.messageNotFound();
    if (!member) {
      if (await this.publicReads.markRead(user.id, messageId)) {
        const room = await this.conversations.presentPublic(user, conversation);
        this.realtime.toRooms([ROOMS.user(user.id)], 'conversation:updated', room);
      }
      return;
    }
    if (member.lastReadId && member.lastReadId >= messageId) return;
    await this.db.getRepository(MemberEntity).update(
      {
        conversationId,
        userId: user.id,
        ...(member.lastReadId ? { lastReadId: LessThan(messageId) } : {}),
      },
      { lastReadId: messageId },
    );
    this.realtime.toRooms([ROOMS.conversation(conversationId)], 'chat:read', {
      conversationId,
      userId: user.id,
      messageId,
    });
  }

  private async checkRate(user: AuthUser): Promise<void> {
    const limit = this.config.rateLimit.chatPer10s;
    const { isBlocked, timeToBlockExpire } = await this.limiter.increment(
      `chat:${user.id}`,
      RATE_WINDOW_MS,
      limit,
      RATE_WINDOW_MS,
      'chat',
    );
    if (isBlocked) throw ChatErrors.rateLimited(Math.max(1, timeToBlockExpire));
  }

  private async store(conversationId: string, file: PreparedAttachment): Promise<StoredAttachment> {
    const base = `attachments/${conversationId}/${randomBytes(18).toString('base64url')}`;
    await this.storage.put(`${base}.${file.ext}`, file.data, file.mime);
    if (file.thumb) await this.storage.put(`${base}-thumb.webp`, file.thumb, 'image/webp');
    return {
      key: `${base}.${file.ext}`,
      name: file.name,
      mime: file.mime,
      bytes: file.data.length,
      ...(file.width ? { width: file.width, height: file.height } : {}),
      ...(file.thumb ? { thumbKey: `${base}-thumb.webp` } : {}),
    };
  }

  /** Each member's list entry (unread count, last message) changes with every message. */
  private async pushConversation(conversation: ConversationEntity): Promise<void> {
    const members = await this.db.getRepository(MemberEntity).findBy({ conversationId: conversation.id });
    for (const m of members) {
      this.realtime.toRooms(
        [ROOMS.user(m.userId)],
        'conversation:updated',
        await this.conversations.present(conversation, m),
      );
    }
  }
}

/** The other member of a direct conversation, from its `a:b` key. */
function otherIn(directKey: string | null, me: string): string[] {
  return (directKey ?? '').split(':').filter((id) => id && id !== me);
}
