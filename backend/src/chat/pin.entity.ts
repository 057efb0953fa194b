import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UNIX_MS } from '../common/columns';

/** A message a group admin pinned to the top of the group's thread. */
@Entity('conversation_pins')
export class PinEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  conversationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  messageId!: string;

  @Column({ type: 'varchar', length: 36 })
  pinnedById!: string;

  @Column({ type: 'bigint', transformer: UNIX_MS })
  pinnedAt!: number;
}
