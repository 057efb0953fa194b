import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UNIX_MS } from '../common/columns';

/**
 * The outbox of stored objects to delete. A row is written in the same transaction as the change
 * that orphans the object (an artwork or stage deleted, an avatar replaced), so a crash can lose
 * neither; StorageDeletions deletes the object, then the row.
 */
@Entity('storage_deletions')
@Index('IDX_storage_deletions_due', ['dueAt'])
export class StorageDeletionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 512 })
  key!: string;

  /** Unix ms. */
  @Column({ type: 'bigint', transformer: UNIX_MS })
  createdAt!: number;

  /**
   * Unix ms from when a sweep may carry it out. Now for deletions; later for an upload's intent
   * (its original is stored before its stage row exists: the stage's transaction removes the row,
   * and if the upload dies first the sweep removes the orphan once the upload cannot be running).
   */
  @Column({ type: 'bigint', transformer: UNIX_MS })
  dueAt!: number;

  @Column({ type: 'int', default: 0 })
  attempts!: number;
}
