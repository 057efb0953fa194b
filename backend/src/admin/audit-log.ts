import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditAction, AuditEntry, Page, ReportTargetKind } from '@gallery/contracts';
import { LessThan, Repository, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { decodeIdCursor } from '../common/cursor';
import type { PageQuery } from '../common/pagination';
import { UserMapper } from '../users/user.mapper';
import { UsersService } from '../users/users.service';
import { AuditEntryEntity } from './audit-entry.entity';

/** The audit log: written in the transaction of the action it records, read newest first. */
@Injectable()
export class AuditLog {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>,
    private readonly users: UsersService,
    private readonly mapper: UserMapper,
  ) {}

  async record(
    tx: EntityManager,
    actor: AuthUser,
    action: AuditAction,
    target: { kind: ReportTargetKind; id: string },
    reason: string | null,
  ): Promise<void> {
    await tx.save(
      tx.create(AuditEntryEntity, {
        actorId: actor.id,
        action,
        targetKind: target.kind,
        targetId: target.id,
        reason,
      }),
    );
  }

  async page(query: PageQuery): Promise<Page<AuditEntry>> {
    const rows = await this.entries.find({
      where: query.cursor ? { id: LessThan(decodeIdCursor(query.cursor)) } : {},
      order: { id: 'DESC' },
      take: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const actors = new Map(
      (await this.users.findByIds([...new Set(items.map((r) => r.actorId))])).map((u) => [u.id, u]),
    );
    return {
      items: items.map((r) => {
        const actor = actors.get(r.actorId);
        return {
          id: r.id,
          actor: actor
            ? this.mapper.summary(actor)
            : { id: r.actorId, username: '(deleted)', displayName: '(deleted)', avatarUrl: null },
          action: r.action,
          target: { kind: r.targetKind, id: r.targetId },
          reason: r.reason,
          createdAt: new Date(r.createdAt).toISOString(),
        };
      }),
      nextCursor: rows.length > query.limit ? items.at(-1)!.id : null,
    };
  }
}
