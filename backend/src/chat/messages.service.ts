import { decodeIdCursor } from '../common/cursor';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThrottlerStorage } from '@nestjs/throttler';
import {
  PUBLIC_ROOM_ID,
  ROOMS,
  type ChatReaction,
  type ChatSearchResult,
  type Mention,
  type Message,
  type MessageQuote,
  type Page,
} from '@gallery/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, In, LessThan, MoreThan, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { isUniqueViolation } from '../database/errors';
import { DomainEvents } from '../events/domain-events';
import { queryTerms } from '../search-index/normalize';
import { SearchIndex } from '../search-index/search-index';
import { UsersService } from '../users/users.service';
import { AppConfig } from '../config/app-config';
import { RealtimeEmitter } from '../realtime/realtime-emitter';
import { MediaStorage } from '../storage/media-storage';
import { BlocksService } from '../users/blocks.service';
import type { AuthUser } from '../common/auth-user';
import type { PreparedAttachment } from './attachments';
import { uuidv7 } from '../common/uuidv7';
import type { Audience, AudienceMember } from './audience';
import type { ConversationEntity } from './conversation.entity';
import { ChatErrors } from './chat.errors';
import { ChatMapper } from './chat.mapper';
import { ConversationsService } from './conversations.service';
import type { HistoryQuery } from './dto';
import { MemberEntity } from './member.entity';
import { MessageEntity, type StoredAttachment } from './message.entity';
import { MessageViews } from './message-views';
import { PinEntity } from './pin.entity';
import { PublicReads } from './public-reads';
import { ReactionEntity } from './reaction.entity';

/** @username: the username rule of LIMITS.username, not inside a word or an e-mail address. */
const MENTION = /(?<![\p{L}\p{N}_@.])@([a-z0-9_]{3,30})(?![a-z0-9_])/giu;
/** Search answers at most this many messages, newest first. */
const SEARCH_LIMIT = 50;

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
    private readonly views: MessageViews,
    private readonly users: UsersService,
    private readonly index: SearchIndex,
    private readonly events: DomainEvents,
    private readonly blocks: BlocksService,
  ) {}

  /**
   * Older messages before `before`, oldest first within the page; nextCursor pages further back.
   * `around` instead centres the page on that message (search hits, reply jumps): half the page
   * older, the message, and what follows it.
   */
  async history(user: AuthUser, conversationId: string, query: HistoryQuery): Promise<Page<Message>> {
    const { member } = await this.conversations.access(user, conversationId);
    const repo = this.db.getRepository(MessageEntity);
    // Deleted history stays deleted for this member.
    const cleared = member?.clearedThroughId;
    const load = (where: FindOptionsWhere<MessageEntity>, order: 'ASC' | 'DESC', take: number) =>
      repo.find({
        where: { conversationId, ...where },
        order: { id: order },
        take,
        relations: { sender: true },
        // Senders in a second query: a joined find() with `take` would first collect the whole
        // conversation in a DISTINCT subquery, which grows with the public room's history.
        relationLoadStrategy: 'query',
      });
    let newer: MessageEntity[] = [];
    let olderWhere: FindOptionsWhere<MessageEntity> = {};
    let olderCount = query.limit;
    if (query.around) {
      const target = await repo.findOneBy({ id: query.around, conversationId });
      if (!target || (cleared && target.id <= cleared)) throw ChatErrors.messageNotFound();
      olderCount = Math.floor(query.limit / 2);
      newer = await load({ id: MoreThan(target.id) }, 'ASC', query.limit - olderCount - 1);
      olderWhere = { id: LessThan(target.id) };
      const self = await load({ id: target.id }, 'ASC', 1);
      newer = [...self, ...newer];
    } else if (query.before) {
      olderWhere = { id: LessThan(decodeIdCursor(query.before, 'before')) };
    }
    const rows = olderCount > 0 ? await load(olderWhere, 'DESC', olderCount + 1) : [];
    const visible = cleared ? rows.filter((m) => m.id > cleared) : rows;
    const page = visible.slice(0, olderCount);
    const more = visible.length > olderCount;
    // A suspended painter's messages are hidden while the suspension lasts.
    const items = [...page.reverse(), ...newer].filter((m) => m.sender.suspendedAt === null);
    return {
      items: await this.views.many(items, user.id),
      nextCursor: more ? page[0]!.id : null,
    };
  }

  /**
   * A moderator's removal, inside their transaction: the body and attachment are erased from the
   * row (so from history, previews and search), with its reactions, mentions and pin; the row stays
   * as a "removed" placeholder. Call announceRemoval() once committed.
   */
  async removeByModerator(tx: EntityManager, messageId: string): Promise<MessageEntity> {
    const message = await tx.findOneBy(MessageEntity, { id: messageId });
    if (!message) throw ChatErrors.messageNotFound();
    await tx.update(
      MessageEntity,
      { id: messageId },
      { body: '', attachment: null, mentions: null, removedAt: Date.now() },
    );
    await tx.delete(ReactionEntity, { messageId });
    await tx.delete(PinEntity, { messageId });
    await this.index.removeMessage(tx, messageId);
    return message;
  }

  /**
   * After the removal committed: tells the conversation's sockets (chat:removed with `removed`, so
   * clients say "removed by a moderator" rather than "deleted"), refreshes the members' lists and
   * deletes the attachment's files.
   */
  async announceRemoval(message: MessageEntity): Promise<void> {
    const { id: messageId, conversationId, attachment } = message;
    this.realtime.toRooms([ROOMS.conversation(conversationId)], 'chat:removed', {
      conversationId,
      messageId,
      removed: true,
    });
    await this.conversations.pushToMembers(conversationId);
    if (attachment) {
      await Promise.all(
        [attachment.key, attachment.thumbKey]
          .filter((k): k is string => !!k)
          .map((k) => this.storage.delete(k).catch(() => undefined)),
      );
    }
  }

  /**
   * Stores and delivers a message; the conversation comes back for members who had deleted it.
   * `prepare` makes the attachment; it runs only after access and the rate limit passed, so a
   * sender who may not send never gets an image decoded.
   */
  async send(
    user: AuthUser,
    conversationId: string,
    body: string,
    prepare?: () => Promise<PreparedAttachment>,
    replyToId?: string,
  ): Promise<Message> {
    // One read for access, the members (mentions, their list entries) and their unread counts.
    const { conversation, member, audience } = await this.conversations.accessWithAudience(
      user,
      conversationId,
    );
    // Members who blocked the sender came with the audience: a direct message to one is refused,
    // and in a group their live copy is collapsed (deliver).
    const blockers = audience.members.filter((m) => m.blocksSender).map((m) => m.member.userId);
    if (conversation.kind === 'direct' && blockers.length) throw BlocksService.blockedError();
    let replyTo: MessageQuote | null = null;
    if (replyToId) {
      const original = await this.db
        .getRepository(MessageEntity)
        .findOne({ where: { id: replyToId, conversationId }, relations: { sender: true } });
      if (!original || (member?.clearedThroughId && original.id <= member.clearedThroughId))
        throw ChatErrors.replyElsewhere();
      if (original.deletedAt || original.removedAt) throw ChatErrors.messageDeleted();
      replyTo = this.mapper.quote(original);
    }
    await this.checkRate(user);
    const mentions = await this.mentionsIn(user, conversation, body, audience.members);
    const attachment = prepare ? await this.store(conversationId, await prepare()) : null;
    const message: MessageEntity = Object.assign(new MessageEntity(), {
      id: uuidv7(),
      conversationId,
      senderId: user.id,
      body,
      attachment,
      createdAt: Date.now(),
      editedAt: null,
      deletedAt: null,
      replyToId: replyToId ?? null,
      mentions: mentions.length ? mentions : null,
      removedAt: null,
    });
    // No transaction around these writes: each statement is atomic on its own, and the message
    // row is the fact, written first. A failure after it leaves only the sender's read position
    // and the un-hiding for the members who had deleted the conversation behind; the next message
    // sets both again. Two statements instead of five round trips (BEGIN … COMMIT) on MariaDB.
    await this.db.getRepository(MessageEntity).insert(message);
    await this.index.addMessage(this.db.manager, message.id, conversationId, body);
    if (conversation.kind !== 'public')
      await this.advanceMembers(conversationId, user.id, message.id, audience);
    if (mentions.length)
      await this.events.publish(this.db.manager, 'chat.mentioned', {
        userIds: mentions.map((x) => x.id),
        messageId: message.id,
        conversationId,
      });
    const row = { ...message, sender: user };
    const shaped = this.mapper.message(row, { replyTo });
    await this.deliver(
      conversation,
      user.id,
      'chat:message',
      shaped,
      conversation.kind === 'public' ? undefined : blockers,
    );
    if (conversation.kind !== 'public')
      await this.conversations.pushToMembers(conversationId, {
        audience: afterSend(audience, user.id, message.id),
        latest: row,
      });
    return shaped;
  }

  /**
   * One UPDATE for what a message changes on the member rows: the sender has read up to it, and
   * it brings the conversation back for whoever had deleted it.
   */
  private async advanceMembers(
    conversationId: string,
    senderId: string,
    messageId: string,
    audience: Audience,
  ): Promise<void> {
    const anyHidden = audience.members.some((m) => m.member.hidden);
    const repo = this.db.getRepository(MemberEntity);
    if (!anyHidden) {
      await repo.update({ conversationId, userId: senderId }, { lastReadId: messageId });
      return;
    }
    const e = (name: string) => this.db.driver.escape(name);
    await repo
      .createQueryBuilder()
      .update()
      .set({
        hidden: false,
        lastReadId: () => `CASE WHEN ${e('userId')} = :senderId THEN :messageId ELSE ${e('lastReadId')} END`,
      })
      .where(
        `${e('conversationId')} = :conversationId AND (${e('userId')} = :senderId OR ${e('hidden')} = :hidden)`,
      )
      .setParameters({ conversationId, senderId, messageId, hidden: true })
      .execute();
  }

  /** The sender changes the body; everyone in the conversation gets chat:updated. */
  async edit(user: AuthUser, messageId: string, body: string): Promise<Message> {
    const { message, conversation } = await this.readable(user, messageId);
    if (message.senderId !== user.id) throw ChatErrors.notSender('only its sender can edit a message');
    if (message.deletedAt || message.removedAt) throw ChatErrors.messageDeleted();
    const before = new Set((message.mentions ?? []).map((m) => m.id));
    const mentions = await this.mentionsIn(user, conversation, body);
    const editedAt = Date.now();
    await this.db.transaction(async (tx) => {
      await tx.update(
        MessageEntity,
        { id: messageId },
        { body, editedAt, mentions: mentions.length ? mentions : null },
      );
      await this.index.putMessage(tx, messageId, message.conversationId, body);
      const added = mentions.filter((m) => !before.has(m.id));
      if (added.length)
        await this.events.publish(tx, 'chat.mentioned', {
          userIds: added.map((m) => m.id),
          messageId,
          conversationId: message.conversationId,
        });
    });
    Object.assign(message, { body, editedAt, mentions: mentions.length ? mentions : null });
    return this.announceUpdate(user, message, conversation);
  }

  /**
   * The sender, or an admin of the group, deletes a message for everyone: it stays as a tombstone
   * (no text, file, reactions, mentions or pin). Deleting a tombstone again changes nothing.
   */
  async remove(user: AuthUser, messageId: string): Promise<void> {
    const { message, conversation, member } = await this.readable(user, messageId);
    const groupAdmin = conversation.kind === 'group' && member?.role === 'admin';
    if (message.senderId !== user.id && !groupAdmin)
      throw ChatErrors.notSender('only its sender or a group admin can delete a message');
    // Already a tombstone, or removed by a moderator (which stays a removal): nothing to do.
    if (message.deletedAt || message.removedAt) return;
    await this.db.transaction(async (tx) => {
      await tx.update(
        MessageEntity,
        { id: messageId },
        { body: '', attachment: null, mentions: null, deletedAt: Date.now() },
      );
      await tx.delete(ReactionEntity, { messageId });
      await tx.delete(PinEntity, { messageId });
      await this.index.removeMessage(tx, messageId);
    });
    const a = message.attachment;
    for (const key of a ? [a.key, a.thumbKey] : [])
      if (key) await this.storage.delete(key).catch(() => undefined);
    this.realtime.toRooms([ROOMS.conversation(message.conversationId)], 'chat:removed', {
      conversationId: message.conversationId,
      messageId,
    });
    if (conversation.kind !== 'public') await this.conversations.pushToMembers(conversation.id);
  }

  /** Adds (on) or takes back one reaction of the fixed set; both are idempotent. */
  async react(user: AuthUser, messageId: string, emoji: ChatReaction, on: boolean): Promise<Message> {
    const { message, conversation } = await this.readable(user, messageId);
    if (message.deletedAt || message.removedAt) throw ChatErrors.messageDeleted();
    const repo = this.db.getRepository(ReactionEntity);
    if (on) {
      await repo
        .insert({ messageId, userId: user.id, emoji, createdAt: Date.now() })
        .catch((err: unknown) => {
          if (!isUniqueViolation(err)) throw err;
        });
    } else {
      await repo.delete({ messageId, userId: user.id, emoji });
    }
    return this.announceUpdate(user, message, conversation);
  }

  /** Messages of the reader's conversations (the public room included) matching every word, newest first. */
  async search(user: AuthUser, q: string): Promise<ChatSearchResult> {
    const terms = queryTerms(q);
    if (!terms.length) return { items: [] };
    const memberships = await this.db
      .getRepository(MemberEntity)
      .findBy({ userId: user.id, conversationId: Not(PUBLIC_ROOM_ID) });
    const cleared = new Map(memberships.map((m) => [m.conversationId, m.clearedThroughId]));
    const ids = await this.index.messageIds(
      this.db.manager,
      terms,
      [PUBLIC_ROOM_ID, ...cleared.keys()],
      SEARCH_LIMIT * 2,
    );
    if (!ids.length) return { items: [] };
    const rows = await this.db
      .getRepository(MessageEntity)
      .find({ where: { id: In(ids) }, relations: { sender: true }, order: { id: 'DESC' } });
    const visible = rows.filter((m) => {
      const through = cleared.get(m.conversationId);
      return !m.deletedAt && !m.removedAt && m.sender.suspendedAt === null && !(through && m.id <= through);
    });
    return { items: await this.views.many(visible.slice(0, SEARCH_LIMIT), user.id) };
  }

  /** The message if the user can read it (404 otherwise), with its conversation and their membership. */
  private async readable(user: AuthUser, messageId: string) {
    const message = await this.conversations.findReadableMessage(user, messageId);
    if (!message) throw ChatErrors.messageNotFound();
    const access = await this.conversations.access(user, message.conversationId);
    return { message, ...access };
  }

  /** chat:updated to the conversation's room; the actor's copy has their `mine`. */
  private async announceUpdate(
    user: AuthUser,
    message: MessageEntity,
    conversation: ConversationEntity,
  ): Promise<Message> {
    // An edit or reaction replaces the message on screen: the blocker's copy stays collapsed.
    await this.deliver(conversation, message.senderId, 'chat:updated', await this.views.one(message, null));
    if (conversation.kind !== 'public') await this.conversations.pushToMembers(conversation.id);
    return this.views.one(message, user.id);
  }

  /**
   * Sends a message (new or updated) to the conversation's sockets. Members who blocked its
   * sender get their own copy with blockedSender, as their history shows it; everyone else the
   * shared one. One indexed look-up of who blocked the sender, which finds nobody for almost every
   * message; only then a second for which of them are in the conversation (the public room: all).
   * The flag stays on the server rather than the client because the history already marks it
   * there, and a block made in another tab or device applies at once.
   */
  private async deliver(
    conversation: ConversationEntity,
    senderId: string,
    event: 'chat:message' | 'chat:updated',
    message: Message,
    knownBlockers?: string[],
  ): Promise<void> {
    const room = ROOMS.conversation(conversation.id);
    // A send knows its group's blockers from the audience query; edits and reactions look them up.
    let blockers = knownBlockers ?? (await this.blocks.blockersOf(senderId));
    if (!knownBlockers && blockers.length && conversation.kind !== 'public') {
      const members = await this.db.getRepository(MemberEntity).find({
        select: { userId: true },
        where: { conversationId: conversation.id, userId: In(blockers) },
      });
      blockers = members.map((m) => m.userId);
    }
    if (!blockers.length) return this.realtime.toRooms([room], event, message);
    const theirs = blockers.map(ROOMS.user);
    this.realtime.toRoomsExcept([room], theirs, event, message);
    this.realtime.toRooms(theirs, event, { ...message, blockedSender: true });
  }

  /**
   * Painters named with @username: in a group its members, in the public room anyone; never the
   * writer, and nobody in a direct conversation (both are there already).
   */
  private async mentionsIn(
    user: AuthUser,
    conversation: ConversationEntity,
    body: string,
    members?: AudienceMember[],
  ): Promise<Mention[]> {
    if (conversation.kind === 'direct') return [];
    const names = [...new Set([...body.matchAll(MENTION)].map((m) => m[1]!.toLowerCase()))]
      .filter((n) => n !== user.username)
      .slice(0, 20);
    if (!names.length) return [];
    let found = await this.users.findByUsernames(names);
    if (conversation.kind === 'group') {
      const inGroup = new Set(
        members
          ? members.map((m) => m.member.userId)
          : (
              await this.db
                .getRepository(MemberEntity)
                .findBy({ conversationId: conversation.id, userId: In(found.map((u) => u.id)) })
            ).map((m) => m.userId),
      );
      found = found.filter((u) => inGroup.has(u.id));
    }
    return found.map((u) => ({ id: u.id, username: u.username }));
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
}

/**
 * The audience as the message just sent left it: the sender has read everything, the others
 * have one more unread, and nobody has the conversation hidden.
 */
function afterSend(audience: Audience, senderId: string, messageId: string): Audience {
  return {
    ...audience,
    members: audience.members.map(({ member, user, unread, blocksSender }) =>
      member.userId === senderId
        ? {
            user,
            blocksSender,
            unread: 0,
            member: Object.assign(new MemberEntity(), member, { lastReadId: messageId, hidden: false }),
          }
        : {
            user,
            blocksSender,
            unread: unread + 1,
            member: Object.assign(new MemberEntity(), member, { hidden: false }),
          },
    ),
  };
}
