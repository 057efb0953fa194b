import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PUBLIC_ROOM_ID, PUBLIC_UNREAD_CAP } from '@gallery/contracts';
import { DataSource, LessThan, MoreThan, Not } from 'typeorm';
import { uuidv7Floor } from '../common/uuidv7';
import { isUniqueViolation } from '../database/errors';
import type { AuthUser } from '../common/auth-user';
import { MemberEntity } from './member.entity';
import { MessageEntity } from './message.entity';

/**
 * How far each painter has read the public room, for its unread count.
 *
 * Kept in conversation_members as a row ('public', userId), made on the first read. A member row
 * already is one person's state in one conversation — a read position, with the foreign keys
 * that drop it with the user or the conversation — so the public room's only per-person state
 * fits it as it is: no new table, no migration on either database. Such a row grants nothing:
 * everyone is in the public room, access() never consults it, and the queries that mean
 * "conversations I am in" leave it out. Its role, joinedAt and hidden carry no meaning.
 */
@Injectable()
export class PublicReads {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Messages from others after the user's read position (before a first read: since they
   * joined Gallery), at most PUBLIC_UNREAD_CAP. A LIMITed walk along IDX_messages_conversation,
   * so it costs the same with a million messages in the room.
   */
  async unread(user: AuthUser): Promise<number> {
    const read = await this.db
      .getRepository(MemberEntity)
      .findOne({ where: { conversationId: PUBLIC_ROOM_ID, userId: user.id }, select: { lastReadId: true } });
    const joined = uuidv7Floor(user.createdAt.getTime());
    const after = read?.lastReadId && read.lastReadId > joined ? read.lastReadId : joined;
    const rows = await this.db.getRepository(MessageEntity).find({
      select: { id: true },
      where: { conversationId: PUBLIC_ROOM_ID, id: MoreThan(after), senderId: Not(user.id) },
      order: { id: 'ASC' },
      take: PUBLIC_UNREAD_CAP,
    });
    return rows.length;
  }

  /** Moves the user's position on to `messageId`, never back; false when it was there already. */
  async markRead(userId: string, messageId: string): Promise<boolean> {
    const members = this.db.getRepository(MemberEntity);
    const key = { conversationId: PUBLIC_ROOM_ID, userId };
    const row = await members.findOneBy(key);
    if (row?.lastReadId && row.lastReadId >= messageId) return false;
    if (!row) {
      try {
        await members.insert({ ...key, role: 'member', joinedAt: Date.now(), lastReadId: messageId });
        return true;
      } catch (err) {
        // Another tab made the row first: move it on below, if it is behind.
        if (!isUniqueViolation(err)) throw err;
      }
    }
    const result = await members.update(
      { ...key, lastReadId: LessThan(messageId) },
      { lastReadId: messageId },
    );
    return !!result.affected;
  }
}
