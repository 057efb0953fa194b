import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Page, ReportAction, ReportQueueItem, ReportStatus, ReportTargetKind } from '@gallery/contracts';
import { In, Repository, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { decodeIdCursor } from '../common/cursor';
import type { PageQuery } from '../common/pagination';
import { dialectSql } from '../database/dialect';
import { DomainEvents } from '../events/domain-events';
import { ReportEntity } from '../reports/report.entity';
import { ReportTargets } from '../reports/report-targets';
import { UserMapper } from '../users/user.mapper';
import { UsersService } from '../users/users.service';
import { AdminErrors } from './admin.errors';
import { ModerationService } from './moderation.service';

interface Group {
  targetKind: ReportTargetKind;
  targetId: string;
  firstId: string;
}

/**
 * The moderation queue: reports grouped by target (open ones: oldest group first; resolved ones:
 * newest first), and resolving a group by acting on its target.
 */
@Injectable()
export class ReportQueue {
  constructor(
    @InjectRepository(ReportEntity) private readonly reports: Repository<ReportEntity>,
    private readonly targets: ReportTargets,
    private readonly moderation: ModerationService,
    private readonly users: UsersService,
    private readonly mapper: UserMapper,
    private readonly events: DomainEvents,
  ) {}

  async list(status: ReportStatus, query: PageQuery): Promise<Page<ReportQueueItem>> {
    const open = status === 'open';
    const cursor = query.cursor ? decodeIdCursor(query.cursor) : null;
    // Resolved groups are keyed by their resolution time too: a target reported again after a
    // decision is a new decision.
    const key = open ? '' : ', "resolvedAt"';
    const having = cursor ? `HAVING MIN("id") ${open ? '>' : '<'} ?` : '';
    const groups: Group[] = await this.reports.query(
      dialectSql(
        this.reports.manager.connection,
        `SELECT "targetKind", "targetId", MIN("id") AS "firstId" FROM "reports" WHERE "status" = ? ` +
          `GROUP BY "targetKind", "targetId"${key} ${having} ORDER BY "firstId" ${open ? 'ASC' : 'DESC'} LIMIT ?`,
      ),
      [status, ...(cursor ? [cursor] : []), query.limit + 1],
    );
    const page = groups.slice(0, query.limit);
    const items = await Promise.all(page.map((g) => this.item(g, status)));
    return { items, nextCursor: groups.length > query.limit ? page.at(-1)!.firstId : null };
  }

  private async item(group: Group, status: ReportStatus): Promise<ReportQueueItem> {
    const first = await this.reports.findOneByOrFail({ id: group.firstId });
    const rows = await this.reports.find({
      where: {
        targetKind: group.targetKind,
        targetId: group.targetId,
        status,
        ...(status === 'resolved' ? { resolvedAt: first.resolvedAt! } : {}),
      },
      relations: { reporter: true },
      order: { id: 'ASC' },
    });
    const target = { kind: group.targetKind, id: group.targetId };
    const [found, resolver] = await Promise.all([
      this.targets.forModerator(target),
      first.resolvedById ? this.users.findById(first.resolvedById) : null,
    ]);
    const reporters = rows.map((r) => this.mapper.summary(r.reporter));
    return {
      id: first.id,
      target,
      reason: first.reason,
      details:
        rows
          .map((r) => r.details)
          .filter(Boolean)
          .join('\n\n') || null,
      reporter: reporters[0]!,
      status: first.status,
      resolution:
        first.resolvedAction && first.resolvedAt
          ? {
              action: first.resolvedAction,
              note: first.resolvedNote,
              by: resolver
                ? this.mapper.summary(resolver)
                : {
                    id: first.resolvedById ?? '',
                    username: '(deleted)',
                    displayName: '(deleted)',
                    avatarUrl: null,
                  },
              at: new Date(first.resolvedAt).toISOString(),
            }
          : null,
      createdAt: new Date(first.createdAt).toISOString(),
      targetPreview: found?.preview ?? { title: '(gone)' },
      count: rows.length,
      reasons: [...new Set(rows.map((r) => r.reason))],
      reporters: [...new Map(reporters.map((u) => [u.id, u])).values()],
      lastReportedAt: new Date(rows.at(-1)!.createdAt).toISOString(),
    };
  }

  /**
   * Acts on the report's target and closes every open report on it, in one transaction with the
   * audit entry: dismiss (nothing done), hide (an artwork, or a stage's artwork), remove (a
   * message or a comment), suspend (whoever owns the target: a comment's author).
   */
  async resolve(
    admin: AuthUser,
    id: string,
    action: ReportAction,
    note: string | null,
  ): Promise<ReportQueueItem> {
    const report = await this.reports.findOneBy({ id });
    if (!report) throw AdminErrors.reportNotFound();
    if (report.status !== 'open') throw AdminErrors.alreadyResolved();
    const target = { kind: report.targetKind, id: report.targetId };
    const found = await this.targets.forModerator(target);
    if (!found && action !== 'dismiss') throw AdminErrors.targetGone();
    const reason = note ?? `report: ${report.reason}`;
    await this.moderation.transaction(async (tx, later) => {
      switch (action) {
        case 'dismiss':
          await this.moderation.audit.record(tx, admin, 'report.dismiss', target, note);
          break;
        case 'hide':
          if (!found?.albumId) throw AdminErrors.notApplicable(action, target.kind);
          await this.moderation.setHiddenIn(tx, later, admin, found.albumId, true, reason);
          break;
        case 'remove':
          if (target.kind === 'message') {
            await this.moderation.removeMessageIn(tx, later, admin, target.id, reason);
          } else if (target.kind === 'comment') {
            await this.moderation.removeCommentIn(tx, later, admin, target.id, reason);
          } else {
            throw AdminErrors.notApplicable(action, target.kind);
          }
          break;
        case 'suspend':
          await this.moderation.setSuspensionIn(
            tx,
            later,
            admin,
            { id: found!.ownerId },
            { reason, until: null },
          );
          break;
      }
      await this.closeOpenIn(tx, admin, target, action, note);
    });
    return this.item({ targetKind: target.kind, targetId: target.id, firstId: id }, 'resolved');
  }

  /**
   * Removes a comment for everyone and, in the same transaction, resolves any open reports on it
   * with `remove`: its reporters hear that it was dealt with, and the queue does not keep a group
   * whose target is gone.
   */
  removeComment(admin: AuthUser, commentId: string, reason: string | null): Promise<void> {
    return this.moderation.transaction(async (tx, later) => {
      await this.moderation.removeCommentIn(tx, later, admin, commentId, reason);
      await this.closeOpenIn(tx, admin, { kind: 'comment', id: commentId }, 'remove', reason);
    });
  }

  /** Resolves every open report on the target with this action; each reporter is told once it commits. */
  private async closeOpenIn(
    tx: EntityManager,
    admin: AuthUser,
    target: { kind: ReportTargetKind; id: string },
    action: ReportAction,
    note: string | null,
  ): Promise<void> {
    const open = await tx.find(ReportEntity, {
      select: { id: true, reporterId: true },
      where: { targetKind: target.kind, targetId: target.id, status: 'open' },
    });
    if (!open.length) return;
    await tx.update(
      ReportEntity,
      { id: In(open.map((r) => r.id)) },
      {
        status: 'resolved',
        openKey: null,
        resolvedAction: action,
        resolvedNote: note,
        resolvedById: admin.id,
        resolvedAt: Date.now(),
      },
    );
    await this.events.publish(tx, 'report.resolved', {
      target,
      action,
      resolvedById: admin.id,
      reporterIds: [...new Set(open.map((r) => r.reporterId))],
    });
  }
}
