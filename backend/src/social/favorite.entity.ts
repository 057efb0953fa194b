import { UNIX_MS } from '../common/columns';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('favorites')
@Index('IDX_favorites_user_at', ['userId', 'at'])
export class FavoriteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  albumId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  /** Unix ms: "my favourites" pages by it (newest first) with no second-precision ties. */
  @Column({ type: 'bigint', transformer: UNIX_MS })
  at!: number;
}
