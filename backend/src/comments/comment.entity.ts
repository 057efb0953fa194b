import { BeforeInsert, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UNIX_MS } from '../common/columns';
import { uuidv7 } from '../common/uuidv7';
import { UserEntity } from '../users/user.entity';

@Entity('comments')
@Index('IDX_comments_album', ['albumId', 'parentId', 'id'])
@Index('IDX_comments_parent', ['parentId', 'id'])
export class CommentEntity {
  /** UUIDv7: oldest-first lists page by id. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @BeforeInsert()
  protected assignId(): void {
    this.id ??= uuidv7();
    this.createdAt ??= Date.now();
  }

  @Column({ type: 'varchar', length: 36 })
  albumId!: string;

  /** The stage it is about; null for the artwork as a whole. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  stageId!: string | null;

  /** The top-level comment this replies to (replies are one level deep). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 36 })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'authorId' })
  author!: UserEntity;

  @Column({ type: 'text' })
  body!: string;

  /** A point on the stage image, 0..1 from the left and top. */
  @Column({ type: 'double', nullable: true })
  x!: number | null;

  @Column({ type: 'double', nullable: true })
  y!: number | null;

  @Column({ type: 'bigint', transformer: UNIX_MS })
  createdAt!: number;

  @Column({ type: 'bigint', nullable: true, transformer: UNIX_MS })
  editedAt!: number | null;

  /** Deleted while it had replies: the row stays as a placeholder, its body emptied. */
  @Column({ type: 'boolean', default: false })
  deleted!: boolean;

  @Column({ type: 'int', default: 0 })
  replyCount!: number;
}
