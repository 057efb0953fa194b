import type { AuditAction, ReportTargetKind } from '@gallery/contracts';
import { BeforeInsert, Column, Entity, PrimaryColumn } from 'typeorm';
import { UNIX_MS } from '../common/columns';
import { uuidv7 } from '../common/uuidv7';

/** One admin action. No foreign keys: the record outlives the actor's account and the target. */
@Entity('audit_log')
export class AuditEntryEntity {
  /** UUIDv7: "newest first" is id order. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @BeforeInsert()
  protected assignId(): void {
    this.id ??= uuidv7();
    this.createdAt ??= Date.now();
  }

  @Column({ type: 'varchar', length: 36 })
  actorId!: string;

  @Column({ type: 'varchar', length: 30 })
  action!: AuditAction;

  @Column({ type: 'varchar', length: 10 })
  targetKind!: ReportTargetKind;

  @Column({ type: 'varchar', length: 36 })
  targetId!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'bigint', transformer: UNIX_MS })
  createdAt!: number;
}
