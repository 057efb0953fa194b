import type { ReportAction, ReportReason, ReportStatus, ReportTargetKind } from '@gallery/contracts';
import { BeforeInsert, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UNIX_MS } from '../common/columns';
import { uuidv7 } from '../common/uuidv7';
import { UserEntity } from '../users/user.entity';

@Entity('reports')
@Index('IDX_reports_status', ['status', 'id'])
@Index('IDX_reports_target', ['targetKind', 'targetId'])
export class ReportEntity {
  /** UUIDv7: the queue's "oldest first" is id order. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @BeforeInsert()
  protected assignId(): void {
    this.id ??= uuidv7();
    this.createdAt ??= Date.now();
  }

  @Column({ type: 'varchar', length: 10 })
  targetKind!: ReportTargetKind;

  /** No foreign key: the target lives in another module's table, and reports outlive it. */
  @Column({ type: 'varchar', length: 36 })
  targetId!: string;

  @Column({ type: 'varchar', length: 20 })
  reason!: ReportReason;

  @Column({ type: 'text', nullable: true })
  details!: string | null;

  @Column({ type: 'varchar', length: 36 })
  reporterId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporterId' })
  reporter!: UserEntity;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status!: ReportStatus;

  /**
   * `reporterId:kind:targetId` while open, null once resolved: a unique index on it keeps one open
   * report per reporter and target even under a race, on both databases (NULLs never collide).
   */
  @Index('UQ_reports_open', { unique: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  openKey!: string | null;

  @Column({ type: 'bigint', transformer: UNIX_MS })
  createdAt!: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  resolvedAction!: ReportAction | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  resolvedNote!: string | null;

  /** The admin who resolved it; no foreign key, so the record outlives the account. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  resolvedById!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: UNIX_MS })
  resolvedAt!: number | null;
}

export const openKeyOf = (reporterId: string, kind: ReportTargetKind, targetId: string): string =>
  `${reporterId}:${kind}:${targetId}`;
