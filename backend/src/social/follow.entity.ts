import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('follows')
@Index('IDX_follows_followee', ['followeeId'])
export class FollowEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  followerId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  followeeId!: string;

  @CreateDateColumn()
  createdAt!: Date;
}
