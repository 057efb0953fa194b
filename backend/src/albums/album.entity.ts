import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { uuidv7 } from '../common/uuidv7';
import type { Visibility } from '@gallery/contracts';
import { UserEntity } from '../users/user.entity';

@Entity('albums')
@Index('IDX_albums_owner_created', ['ownerId', 'createdAt'])
export class AlbumEntity {
  /** UUIDv7: ordering by id is ordering by creation, so cursors are just the last id. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @BeforeInsert()
  protected assignId(): void {
    this.id ??= uuidv7();
  }

  @Column({ type: 'varchar', length: 36 })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ownerId' })
  owner!: UserEntity;

  @Column({ type: 'varchar', length: 120 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 10, default: 'public' })
  visibility!: Visibility;

  /** Unguessable code for share links (/s/:code); works for unlisted artworks. */
  @Index('UQ_albums_shareCode', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  shareCode!: string;

  /** The stage whose image is the cover; follows the newest stage unless pinned. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  coverStageId!: string | null;

  @Column({ type: 'boolean', default: false })
  coverPinned!: boolean;

  @Column({ type: 'int', default: 0 })
  stageCount!: number;

  @Column({ type: 'int', default: 0 })
  likeCount!: number;

  @Column({ type: 'int', default: 0 })
  favoriteCount!: number;

  @CreateDateColumn()
  createdAt!: Date;

  /** Bumped by edits and new stages (the feed orders by it). */
  @UpdateDateColumn()
  updatedAt!: Date;
}
