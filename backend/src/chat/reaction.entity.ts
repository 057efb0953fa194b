import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ChatReaction } from '@gallery/contracts';
import { UNIX_MS } from '../common/columns';
import { UserEntity } from '../users/user.entity';

/** One painter's reaction to a message; one row per emoji they chose (binary collation on MySQL). */
@Entity('message_reactions')
@Index('IDX_reactions_user', ['userId'])
export class ReactionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  messageId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  emoji!: ChatReaction;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user!: UserEntity;

  @Column({ type: 'bigint', transformer: UNIX_MS })
  createdAt!: number;
}
