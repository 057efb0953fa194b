import { UNIX_MS } from '../common/columns';
import { BeforeInsert, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { uuidv7 } from '../common/uuidv7';
import type { Mention } from '@gallery/contracts';
import { UserEntity } from '../users/user.entity';

@Entity('messages')
@Index('IDX_messages_conversation', ['conversationId', 'id'])
export class MessageEntity {
  /** UUIDv7: history pages by id, and "newer than what I read" is an id comparison. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @BeforeInsert()
  protected assignId(): void {
    this.id ??= uuidv7();
  }

  @Column({ type: 'varchar', length: 36 })
  conversationId!: string;

  @Column({ type: 'varchar', length: 36 })
  senderId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'senderId' })
  sender!: UserEntity;

  /** Plain text, shown as text (never HTML). */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'simple-json', nullable: true })
  attachment!: StoredAttachment | null;

  @Column({ type: 'bigint', transformer: UNIX_MS })
  createdAt!: number;

  /** Unix ms of the sender's last edit. */
  @Column({ type: 'bigint', nullable: true, transformer: UNIX_MS })
  editedAt!: number | null;

  /** Unix ms of deletion: the row stays as a tombstone (body '', no attachment). */
  @Column({ type: 'bigint', nullable: true, transformer: UNIX_MS })
  deletedAt!: number | null;

  /** The message of the same conversation this one answers. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  replyToId!: string | null;

  /** Painters named with @username when sent (or last edited). */
  @Column({ type: 'simple-json', nullable: true })
  mentions!: Mention[] | null;

  /** Unix ms a moderator removed it; its body and attachment are gone from then on. */
  @Column({ type: 'bigint', nullable: true, transformer: UNIX_MS })
  removedAt!: number | null;
}

/** What a message's attachment row keeps: storage keys, not URLs (those depend on the adapter). */
export interface StoredAttachment {
  key: string;
  name: string;
  mime: string;
  bytes: number;
  width?: number;
  height?: number;
  thumbKey?: string;
}
