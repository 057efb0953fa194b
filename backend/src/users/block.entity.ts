import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UNIX_MS } from '../common/columns';

/** `blockerId` blocked `blockedId`: no DMs or group invitations from them, profile and works hidden from them. */
@Entity('user_blocks')
@Index('IDX_user_blocks_blocked', ['blockedId'])
export class BlockEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  blockerId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  blockedId!: string;

  @Column({ type: 'bigint', transformer: UNIX_MS })
  createdAt!: number;
}
