import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PUBLIC_ROOM_ID, ROOMS, type Conversation, type MessageQuote } from '@gallery/contracts';
import { DataSource, In, MoreThan, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { isUniqueViolation } from '../database/errors';
import { RealtimeEmitter } from '../realtime/realtime-emitter';
import type { AuthUser } from '../common/auth-user';
import { uuidv7Time } from '../common/uuidv7';
import { UserErrors } from '../users/user.errors';
import type { UserEntity } from '../users/user.entity';
import { BlocksService } from '../users/blocks.service';
import { UsersService } from '../users/users.service';
import { ChatErrors } from './chat.errors';
import { ConversationAudience, type Audience } from './audience';
import { ChatMapper, type MessageWithSender } from './chat.mapper';
import { ConversationEntity } from './conversation.entity';
import type { CreateGroupDto } from './dto';
import { MemberEntity } from './member.entity';
import { MessageEntity } from './message.entity';
import { MessageViews } from './message-views';
import { PinEntity } from './pin.entity';
import { PublicReads } from './public-reads';

/** A conversation as one user may see it: the public room has no member row. */
export interface Access {
  conversation: ConversationEntity;
  member: MemberEntity | null;
}

@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly realtime: RealtimeEmitter,
    private readonly publicReads: PublicReads,
    private readonly users: UsersService,
    private readonly mapper: ChatMapper,
    private readonly views: MessageViews,
    private readonly blocks: BlocksService,
    private readonly audiences: ConversationAudience,
  ) {}

  /** The conversation if the user is in it; 404 otherwise, so outsiders cannot probe ids. */
  async access(user: AuthUser, id: string): Promise<Access> {
    const conversation = await this.db.getRepository(ConversationEntity).findOneBy({ id });
    if (conversation?.kind === 'public') return { conversation, member: null };
    const member = conversation
      ? await this.db.getRepository(MemberEntity).findOneBy({ conversationId: id, userId: user.id })
      : null;
    if (!conversation || !member) throw ChatErrors.conversationNotFound();
    return { conversation, member };
  }

  /**
   * access() and the whole audience in one query (a send needs both): the conversation if the
   * user is in it, 404 otherwise; member null in the public room.
   */
  async accessWithAudience(user: AuthUser, id: string): Promise<Access & { audience: Audience }> {
    const audience = await this.audiences.load(id, user.id);
    if (audience?.conversation.kind === 'public')
      return { conversation: audience.conversation, member: null, audience };
    const member = audience?.members.find((m) => m.member.userId === user.id)?.member;
    if (!audience || !member) throw ChatErrors.conversationNotFound();
    return { conversation: audience.conversation, member, audience };
  }

  /** A message by id whoever may read it, with its sender (moderation). */
  findMessage(messageId: string): Promise<MessageEntity | null> {
    return this.db
      .getRepository(MessageEntity)
      .findOne({ where: { id: messageId }, relations: { sender: true } });
  }

  /**
   * The message (with its sender) if the user can read it: in the public room, or in a conversation
   * they belong to and not in the history they deleted. Null otherwise, so callers choose their 404.
   */
  async findReadableMessage(user: AuthUser, messageId: string): Promise<MessageEntity | null> {
    const message = await this.db
      .getRepository(MessageEntity)
      .findOne({ where: { id: messageId }, relations: { sender: true } });
    if (!message || message.conversationId === PUBLIC_ROOM_ID) return message;
    const member = await this.db
      .getRepository(MemberEntity)
      .findOneBy({ conversationId: message.conversationId, userId: user.id });
    const cleared = member?.clearedThroughId && message.id <= member.clearedThroughId;
    return member && !cleared ? message : null;
  }

  /** Ids of every conversation the user belongs to (their sockets join these rooms). */
  async idsOf(userId: string): Promise<string[]> {
    const rows = await this.db
      .getRepository(MemberEntity)
      .find({ where: { userId, conversationId: Not(PUBLIC_ROOM_ID) }, select: { conversationId: true } });
    return [PUBLIC_ROOM_ID, ...rows.map((r) => r.conversationId)];
  }

  /** The public room first, then the rest by latest message; deleted ones stay away until a new message. */
  async list(user: AuthUser): Promise<Conversation[]> {
    // The public room's row is only a read position (see PublicReads).
    const memberships = await this.db
      .getRepository(MemberEntity)
      .findBy({ userId: user.id, hidden: false, conversationId: Not(PUBLIC_ROOM_ID) });
    const ids = memberships.map((m) => m.conversationId);
    const conversations = await this.db.getRepository(ConversationEntity).find({
      where: [{ id: PUBLIC_ROOM_ID }, ...(ids.length ? [{ id: In(ids) }] : [])],
    });
    const mine = new Map(memberships.map((m) => [m.conversationId, m]));
    // One read of whom I blocked serves every entry: their last messages show as blocked.
    const blocked = await this.blocks.blockedBy(user.id);
    const views = await Promise.all(
      conversations.map((c) =>
        c.kind === 'public'
          ? this.presentPublic(user, c, blocked)
          : this.present(c, mine.get(c.id) ?? null, blocked),
      ),
    );
    // Latest activity: the last message I can see, else when the conversation began (its UUIDv7).
    const at = (v: Conversation) => (v.lastMessage ? Date.parse(v.lastMessage.createdAt) : uuidv7Time(v.id));
    return views.sort((a, b) => (a.kind === 'public' ? -1 : b.kind === 'public' ? 1 : at(b) - at(a)));
  }

  async get(user: AuthUser, id: string): Promise<Conversation> {
    const { conversation, member } = await this.access(user, id);
    const blocked = await this.blocks.blockedBy(user.id);
    return member
      ? this.present(conversation, member, blocked)
      : this.presentPublic(user, conversation, blocked);
  }

  /** The public room as `user` sees it: no member list, unread counted from their read position. */
  async presentPublic(
    user: AuthUser,
    room: ConversationEntity,
    blocked?: ReadonlySet<string>,
  ): Promise<Conversation> {
    const [view, unreadCount] = await Promise.all([
      this.present(room, null, blocked ?? (await this.blocks.blockedBy(user.id))),
      this.publicReads.unread(user),
    ]);
    return { ...view, unreadCount };
  }

  /** One conversation per pair: opening it again returns the same one (and un-deletes it for me). */
  async openDirect(
    user: AuthUser,
    username: string,
  ): Promise<{ conversation: Conversation; created: boolean }> {
    const other = await this.findUser(username);
    if (other.id === user.id) throw ChatErrors.messageSelf();
    await this.blocks.refuseIfBlockedBy(user.id, [other.id]);
    const directKey = [user.id, other.id].sort().join(':');
    const repo = this.db.getRepository(ConversationEntity);
    let conversation = await repo.findOneBy({ directKey });
    let created = false;
    if (!conversation) {
      try {
        conversation = await this.db.transaction(async (tx) => {
          const c = await tx.save(tx.create(ConversationEntity, { kind: 'direct', name: null, directKey }));
          await this.addMembers(tx, c.id, [user.id, other.id], () => 'member');
          return c;
        });
        created = true;
        this.realtime.joinRoom([user.id, other.id], ROOMS.conversation(conversation.id));
      } catch (err) {
        // Both opened it at once; the other request created it.
        if (!isUniqueViolation(err)) throw err;
        conversation = await repo.findOneByOrFail({ directKey });
      }
    }
    await this.db
      .getRepository(MemberEntity)
      .update({ conversationId: conversation.id, userId: user.id }, { hidden: false });
    return { conversation: await this.get(user, conversation.id), created };
  }

  async createGroup(user: AuthUser, dto: CreateGroupDto): Promise<Conversation> {
    const names = [...new Set(dto.usernames.map((u) => u.trim().toLowerCase()))].filter(
      (u) => u !== user.username,
    );
    const others = names.length ? await this.users.findByUsernames(names) : [];
    const unknown = names.filter((n) => !others.some((o) => o.username === n));
    if (unknown.length) throw ChatErrors.unknownPainters(unknown);
    await this.blocks.refuseIfBlockedBy(
      user.id,
      others.map((o) => o.id),
    );
    const group = await this.db.transaction(async (tx) => {
      const c = await tx.save(
        tx.create(ConversationEntity, { kind: 'group', name: dto.name, directKey: null }),
      );
      // One insert, creator first: joinedAt strictly increases, so "longest-standing" is never a tie.
      await this.addMembers(tx, c.id, [user.id, ...others.map((o) => o.id)], (i) =>
        i === 0 ? 'admin' : 'member',
      );
      return c;
    });
    this.realtime.joinRoom([user.id, ...others.map((o) => o.id)], ROOMS.conversation(group.id));
    return this.announce(group.id, user);
  }

  async rename(user: AuthUser, id: string, name: string): Promise<Conversation> {
    await this.requireAdmin(user, id);
    await this.db.getRepository(ConversationEntity).update({ id }, { name });
    return this.announce(id, user);
  }

  async addMember(user: AuthUser, id: string, username: string): Promise<Conversation> {
    await this.requireAdmin(user, id);
    const other = await this.findUser(username);
    await this.blocks.refuseIfBlockedBy(user.id, [other.id]);
    await this.addMembers(this.db.manager, id, [other.id], () => 'member').catch((err: unknown) => {
      if (!isUniqueViolation(err)) throw err;
    });
    this.realtime.joinRoom([other.id], ROOMS.conversation(id));
    return this.announce(id, user);
  }

  async setRole(
    user: AuthUser,
    id: string,
    username: string,
    role: MemberEntity['role'],
  ): Promise<Conversation> {
    await this.requireAdmin(user, id);
    const other = await this.findUser(username);
    const result = await this.db
      .getRepository(MemberEntity)
      .update({ conversationId: id, userId: other.id }, { role });
    if (!result.affected) throw ChatErrors.notInGroup(other.username);
    await this.ensureAdmin(this.db.manager, id);
    return this.announce(id, user);
  }

  /** An admin removes anyone; anyone may leave. The removed stop receiving at once. */
  async removeMember(user: AuthUser, id: string, username: string): Promise<void> {
    const { conversation, member } = await this.access(user, id);
    if (conversation.kind !== 'group') throw ChatErrors.notAGroup('only groups have members to remove');
    const target = username.toLowerCase() === user.username ? user : await this.findUser(username);
    if (target.id !== user.id && member!.role !== 'admin')
      throw ChatErrors.notGroupAdmin('only group admins can remove members');
    await this.db.transaction(async (tx) => {
      const result = await tx.delete(MemberEntity, { conversationId: id, userId: target.id });
      if (!result.affected) throw ChatErrors.notInGroup(target.username);
      await this.ensureAdmin(tx, id);
    });
    this.realtime.leaveRoom([target.id], ROOMS.conversation(id));
    await this.announce(id, user, [target.id]);
  }

  /** Deletes the history for me only; the conversation returns, empty, with the next message. */
  async deleteForMe(user: AuthUser, id: string): Promise<void> {
    const { conversation } = await this.access(user, id);
    if (conversation.kind === 'public') throw ChatErrors.publicRoomUndeletable();
    const latest = await this.db
      .getRepository(MessageEntity)
      .findOne({ where: { conversationId: id }, order: { id: 'DESC' } });
    await this.db
      .getRepository(MemberEntity)
      .update(
        { conversationId: id, userId: user.id },
        { hidden: true, ...(latest ? { clearedThroughId: latest.id, lastReadId: latest.id } : {}) },
      );
  }

  /** A group admin pins a message of the group (again: no change) or unpins it. */
  async pin(user: AuthUser, id: string, messageId: string, on: boolean): Promise<Conversation> {
    await this.requireAdmin(user, id);
    const message = await this.db
      .getRepository(MessageEntity)
      .findOneBy({ id: messageId, conversationId: id });
    if (!message) throw ChatErrors.messageNotFound();
    const repo = this.db.getRepository(PinEntity);
    if (on) {
      if (message.deletedAt) throw ChatErrors.messageDeleted();
      await repo
        .insert({ conversationId: id, messageId, pinnedById: user.id, pinnedAt: Date.now() })
        .catch((err: unknown) => {
          if (!isUniqueViolation(err)) throw err;
        });
    } else {
      await repo.delete({ conversationId: id, messageId });
    }
    return this.announce(id, user);
  }

  /**
   * The API shape for `member`, with unread count and last visible message; null: as seen by no
   * one in particular (unread 0), which is how the public room starts (see presentPublic).
   * `blocked`: whom the reader blocked; a last message of theirs is marked blockedSender, so the
   * list shows it as the thread does (collapsed), not its text.
   */
  async present(
    c: ConversationEntity,
    member: MemberEntity | null,
    blocked?: ReadonlySet<string>,
  ): Promise<Conversation> {
    const visible: FindOptionsWhere<MessageEntity> = { conversationId: c.id };
    if (member?.clearedThroughId) visible.id = MoreThan(member.clearedThroughId);
    const [members, last, unread, pins] = await Promise.all([
      c.kind === 'public'
        ? []
        : this.db
            .getRepository(MemberEntity)
            .find({ where: { conversationId: c.id }, order: { joinedAt: 'ASC', userId: 'ASC' } }),
      this.db
        .getRepository(MessageEntity)
        .findOne({ where: visible, order: { id: 'DESC' }, relations: { sender: true } }),
      member ? this.unread(member) : 0,
      c.kind === 'group' ? this.views.pinned(c.id) : [],
    ]);
    const users = members.length ? await this.users.findByIds(members.map((m) => m.userId)) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const people = members
      .filter((m) => byId.has(m.userId))
      .map((m) => ({ user: byId.get(m.userId)!, role: m.role, lastReadId: m.lastReadId }));
    return this.mapper.conversation(c, people, last, unread, pins, blocked);
  }

  /**
   * Tells every member the conversation as they now see it (their list entry): built in memory
   * from one read of the audience, the latest message and, when there are any, the pins, so it
   * costs the same for two members as for fifty. `known` passes what the caller already holds
   * (a send has the audience and the new message). Returns the view for nobody in particular
   * (unread 0) and for each member.
   */
  async pushToMembers(
    id: string,
    known: { audience?: Audience; latest?: MessageWithSender } = {},
  ): Promise<{ general: Conversation; byUser: Map<string, Conversation> } | null> {
    const audience = known.audience ?? (await this.audiences.load(id));
    if (!audience || audience.conversation.kind === 'public') return null;
    const { conversation, members, pinCount } = audience;
    const [latest, pinned] = await Promise.all([
      known.latest !== undefined
        ? known.latest
        : this.db
            .getRepository(MessageEntity)
            .findOne({ where: { conversationId: id }, order: { id: 'DESC' }, relations: { sender: true } }),
      conversation.kind === 'group' && pinCount > 0 ? this.views.pinned(id) : ([] as MessageQuote[]),
    ]);
    const people = members.map(({ member, user }) => ({
      user,
      role: member.role,
      lastReadId: member.lastReadId,
    }));
    const general = this.mapper.conversation(conversation, people, latest, 0, pinned);
    // The same view for all, but the last message hides behind a member's deleted history, and
    // shows collapsed to a member who blocked its sender (as their thread shows it).
    const hiddenLast = { ...general, lastMessage: null };
    const blockedLast = latest
      ? { ...general, lastMessage: { ...general.lastMessage!, blockedSender: true } }
      : general;
    const blockers = !latest
      ? new Set<string>()
      : known.audience && known.latest
        ? // A send loads its audience for the sender: each member already says.
          new Set(members.filter((m) => m.blocksSender).map((m) => m.member.userId))
        : new Set(await this.blocks.blockersOf(latest.senderId));
    const byUser = new Map<string, Conversation>();
    // Members who see the same entry (most share an unread count) get one emit: Socket.IO encodes
    // a payload once per emit, and a group's entry carries the whole member list.
    const alike = new Map<string, { view: Conversation; userIds: string[] }>();
    for (const { member, unread } of members) {
      const cleared = member.clearedThroughId;
      const hides = !!(latest && cleared && latest.id <= cleared);
      const blocked = !hides && blockers.has(member.userId);
      const key = `${unread}:${hides}:${blocked}`;
      let same = alike.get(key);
      if (!same)
        alike.set(
          key,
          (same = {
            view: { ...(hides ? hiddenLast : blocked ? blockedLast : general), unreadCount: unread },
            userIds: [],
          }),
        );
      same.userIds.push(member.userId);
      byUser.set(member.userId, same.view);
    }
    for (const { view, userIds } of alike.values())
      this.realtime.toRooms(userIds.map(ROOMS.user), 'conversation:updated', view);
    return { general, byUser };
  }

  private unread(member: MemberEntity): Promise<number> {
    const after = [member.lastReadId, member.clearedThroughId]
      .filter((x): x is string => !!x)
      .sort()
      .at(-1);
    return this.db.getRepository(MessageEntity).countBy({
      conversationId: member.conversationId,
      senderId: Not(member.userId),
      ...(after ? { id: MoreThan(after) } : {}),
    });
  }

  /** Sends each member (and anyone just removed) the conversation as they see it. */
  private async announce(id: string, actor: AuthUser, alsoTo: string[] = []): Promise<Conversation> {
    const pushed = await this.pushToMembers(id);
    if (!pushed) throw ChatErrors.conversationNotFound();
    const general = pushed.byUser.get(actor.id) ?? pushed.general;
    if (alsoTo.length)
      this.realtime.toRooms(alsoTo.map(ROOMS.user), 'conversation:updated', { ...general, unreadCount: 0 });
    return general;
  }

  private async requireAdmin(user: AuthUser, id: string): Promise<void> {
    const { conversation, member } = await this.access(user, id);
    if (conversation.kind !== 'group') throw ChatErrors.notAGroup();
    if (member!.role !== 'admin') throw ChatErrors.notGroupAdmin();
  }

  /** A group always has an admin while it has members: the longest-standing member steps up. */
  private async ensureAdmin(tx: EntityManager, id: string): Promise<void> {
    if (await tx.existsBy(MemberEntity, { conversationId: id, role: 'admin' })) return;
    const eldest = await tx.findOne(MemberEntity, {
      where: { conversationId: id },
      order: { joinedAt: 'ASC', userId: 'ASC' },
    });
    if (eldest)
      await tx.update(MemberEntity, { conversationId: id, userId: eldest.userId }, { role: 'admin' });
  }

  private async addMembers(
    tx: EntityManager,
    conversationId: string,
    userIds: string[],
    roleOf: (index: number) => MemberEntity['role'],
  ): Promise<void> {
    const now = Date.now();
    const rows = userIds.map((userId, i) => ({ conversationId, userId, role: roleOf(i), joinedAt: now + i }));
    if (rows.length) await tx.insert(MemberEntity, rows);
  }

  private async findUser(username: string): Promise<UserEntity> {
    const user = await this.users.findByUsername(username.trim());
    if (!user) throw UserErrors.notFound();
    return user;
  }
}
