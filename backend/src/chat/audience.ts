import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PUBLIC_ROOM_ID } from '@gallery/contracts';
import { DataSource } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { ConversationEntity } from './conversation.entity';
import { MemberEntity } from './member.entity';

/** A member with their account and how many messages of the others they have not read. */
export interface AudienceMember {
  member: MemberEntity;
  user: UserEntity;
  unread: number;
  /** Whether this member blocked the user the audience was loaded for (the sender). */
  blocksSender: boolean;
}

/** A conversation with everyone who sees it (none for the public room, whose rows are read positions). */
export interface Audience {
  conversation: ConversationEntity;
  /** In joining order, longest-standing first. */
  members: AudienceMember[];
  /** How many messages are pinned: a send skips loading the pins when there are none. */
  pinCount: number;
}

/**
 * Loads a conversation's audience in one query, so that what a message changes for each member
 * (their list entry: unread count, last message, read receipts) is built in memory however large
 * the group is, instead of costing queries per member.
 */
@Injectable()
export class ConversationAudience {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Null when there is no such conversation. With `senderId`, each member also says whether they
   * blocked that user: a send needs it (direct messages refused, blockers' copies collapsed) and
   * gets it in the same query.
   */
  async load(conversationId: string, senderId?: string): Promise<Audience | null> {
    const e = (name: string) => this.db.driver.escape(name);
    const col = (alias: string, name: string) => `${e(alias)}.${e(name)}`;
    // Unread: the others' messages after both the read position and the history deleted for
    // them (message ids are UUIDv7, so they compare as strings in time order).
    const unread =
      `(SELECT COUNT(*) FROM ${e('messages')} ${e('x')} WHERE ${col('x', 'conversationId')} = ${col('m', 'conversationId')}` +
      ` AND ${col('x', 'senderId')} <> ${col('m', 'userId')}` +
      ` AND ${col('x', 'id')} > COALESCE(${col('m', 'lastReadId')}, '')` +
      ` AND ${col('x', 'id')} > COALESCE(${col('m', 'clearedThroughId')}, ''))`;
    const pins = `(SELECT COUNT(*) FROM ${e('conversation_pins')} ${e('p')} WHERE ${col('p', 'conversationId')} = ${col('c', 'id')})`;
    const blocks = senderId
      ? `(SELECT COUNT(*) FROM ${e('user_blocks')} ${e('b')} WHERE ${col('b', 'blockerId')} = ${col('m', 'userId')} AND ${col('b', 'blockedId')} = :senderId)`
      : '0';
    const { entities, raw } = await this.db
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      // The public room's member rows are read positions, thousands of them: never joined.
      .leftJoinAndMapMany('c.members', MemberEntity, 'm', 'm.conversationId = c.id AND c.id <> :publicId', {
        publicId: PUBLIC_ROOM_ID,
      })
      .leftJoinAndMapOne('m.user', UserEntity, 'u', 'u.id = m.userId')
      .addSelect(unread, 'audience_unread')
      .addSelect(pins, 'audience_pins')
      .addSelect(blocks, 'audience_blocks')
      .where('c.id = :id', { id: conversationId, senderId })
      .orderBy('m.joinedAt', 'ASC')
      .addOrderBy('m.userId', 'ASC')
      .getRawAndEntities();
    const found = entities[0] as
      (ConversationEntity & { members?: (MemberEntity & { user?: UserEntity })[] }) | undefined;
    if (!found) return null;
    const unreadOf = new Map<string, number>();
    const blockers = new Set<string>();
    for (const row of raw as Record<string, unknown>[]) {
      if (!row.m_userId) continue;
      unreadOf.set(String(row.m_userId), Number(row.audience_unread));
      if (Number(row.audience_blocks) > 0) blockers.add(String(row.m_userId));
    }
    const { members: rows = [], ...conversation } = found;
    return {
      conversation: Object.assign(new ConversationEntity(), conversation),
      // A member whose account is gone has no user row; they are left out, as everywhere.
      members: rows
        .filter((m) => !!m.user)
        .map(({ user, ...member }) => ({
          member: Object.assign(new MemberEntity(), member),
          user: user!,
          unread: unreadOf.get(member.userId) ?? 0,
          blocksSender: blockers.has(member.userId),
        })),
      pinCount: Number((raw[0] as Record<string, unknown> | undefined)?.audience_pins ?? 0),
    };
  }
}
