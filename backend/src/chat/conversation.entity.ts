import { BeforeInsert, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ConversationKind } from '@gallery/contracts';
import { uuidv7 } from '../common/uuidv7';

/**
 * A chat: the public room (id "public"), a direct conversation between two people, or a group.
 * Lists order by the last message (ids are UUIDv7), so a send writes no row here.
 */
@Entity('conversations')
export class ConversationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @BeforeInsert()
  protected assignId(): void {
    this.id ??= uuidv7();
  }

  @Column({ type: 'varchar', length: 10 })
  kind!: ConversationKind;

  @Column({ type: 'varchar', length: 60, nullable: true })
  name!: string | null;

  /** "<smaller user id>:<larger user id>" for direct conversations: one per pair, enforced by the index. */
  @Index('UQ_conversations_direct', { unique: true })
  @Column({ type: 'varchar', length: 80, nullable: true })
  directKey!: string | null;
}
