import { UNIX_MS } from '../common/columns';
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
export class ArtworkEntity {
  /** UUIDv7: ordering by id is ordering by creation, so cursors are just the last id. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @BeforeInsert()
  protected assignId(): void {
    this.id ??= uuidv7();
    this.activityAt ??= Date.now();
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

  /** Unix ms a moderator hid it (null: not hidden); hidden works are seen by their owner only. */
  @Column({ type: 'bigint', nullable: true, transformer: UNIX_MS })
  hiddenAt!: number | null;

  /** Why, shown to the owner as a banner. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  hiddenReason!: string | null;

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

  /** Comments and replies not deleted; kept exact in the comment transactions. */
  @Column({ type: 'int', default: 0 })
  commentCount!: number;

  /** Owner setting: nobody may comment. */
  @Column({ type: 'boolean', default: false })
  commentsOff!: boolean;

  /** Owner setting: the painter asks for critique (a prompt above the comment box). */
  @Column({ type: 'boolean', default: false })
  critiqueWanted!: boolean;

  /** Unix ms it was first public (followers are told once); null while never public. */
  @Column({ type: 'bigint', nullable: true, transformer: UNIX_MS })
  publishedAt!: number | null;

  /** Unix ms of the painter's latest activity (created, new stage): the feed's order. */
  @Index('IDX_albums_activity')
  @Column({ type: 'bigint', transformer: UNIX_MS })
  activityAt!: number;

  /**
   * Popularity that needs no re-computation as time passes: log10(likes) plus creation time in
   * units of 12.5 h, so ten times the likes buys a work 12.5 hours of "newness" (Reddit's "hot").
   */
  @Column({ type: 'double', default: 0 })
  hot!: number;

  /** Lower-cased, accent-free title for the 1–2 character prefix search path. */
  @Index('IDX_albums_title_norm')
  @Column({ type: 'varchar', length: 120, default: '' })
  titleNorm!: string;

  /** Accent-free, lower-case title, description and stage titles (FULLTEXT on MySQL, FTS5 on SQLite). */
  @Column({ type: 'text' })
  searchText!: string;

  @CreateDateColumn()
  createdAt!: Date;

  /** Bumped by edits and new stages (the feed orders by it). */
  @UpdateDateColumn()
  updatedAt!: Date;
}
