import { UNIX_MS } from '../common/columns';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MemberRole } from '@gallery/contracts';

/**
 * Someone in a direct or group conversation. Everyone is in the public room without a row; a
 * public room row holds only that person's read position there (see PublicReads).
 */
@Entity('conversation_members')
@Index('IDX_members_user', ['userId'])
export class MemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  conversationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 10, default: 'member' })
  role!: MemberRole;

  /** Unix ms; when the last admin leaves, the longest-standing member takes over. */
  @Column({ type: 'bigint', transformer: UNIX_MS })
  joinedAt!: number;

  /** The newest message this member has read (message ids are UUIDv7, so they order by time). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  lastReadId!: string | null;

  /** History up to and including this message is deleted for this member only. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  clearedThroughId!: string | null;

  /** Deleted from this member's list; the next message brings the conversation back. */
  @Column({ type: 'boolean', default: false })
  hidden!: boolean;
}
