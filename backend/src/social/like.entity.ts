import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('likes')
@Index('IDX_likes_user', ['userId'])
export class LikeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  albumId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @CreateDateColumn()
  createdAt!: Date;
}
