import type { NotificationType } from '@gallery/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UNIX_MS } from '../common/columns';

/**
 * One line in a person's notifications. While unread it gathers everyone who did the same thing
 * to the same artwork (groupKey "type:albumId"): a new actor updates the row instead of adding
 * one. Reading it clears groupKey, so the next like starts a new row.
 */
@Entity('notifications')
@Index('UQ_notifications_group', ['recipientId', 'groupKey'], { unique: true })
@Index('IDX_notifications_recipient', ['recipientId', 'updatedAt', 'id'])
@Index('IDX_notifications_unread', ['recipientId', 'read'])
@Index('IDX_notifications_album', ['albumId'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  recipientId!: string;

  @Column({ type: 'varchar', length: 20 })
  type!: NotificationType;

  @Column({ type: 'varchar', length: 36, nullable: true })
  albumId!: string | null;

  /** The latest comment it is about (comment, reply, mention). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  commentId!: string | null;

  /** JSON array of user ids, newest first, at most MAX_ACTORS. */
  @Column({ type: 'text' })
  actorIds!: string;

  @Column({ type: 'int', default: 1 })
  actorCount!: number;

  @Column({ type: 'varchar', length: 80, nullable: true })
  groupKey!: string | null;

  @Column({ type: 'boolean', default: false })
  read!: boolean;

  @Column({ type: 'bigint', transformer: UNIX_MS })
  createdAt!: number;

  @Column({ type: 'bigint', transformer: UNIX_MS })
  updatedAt!: number;
}

/** The types a person turned off, comma-separated; no row means everything on. */
@Entity('notification_settings')
export class NotificationSettingsEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  disabled!: string;
}
