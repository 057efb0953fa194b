import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Report, ReportTargetPreview } from '@gallery/contracts';
import { Repository } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { isUniqueViolation } from '../database/errors';
import { DomainEvents } from '../events/domain-events';
import { UserMapper } from '../users/user.mapper';
import type { CreateReportDto } from './dto';
import { openKeyOf, ReportEntity } from './report.entity';
import { ReportTargets } from './report-targets';

@Injectable()
export class ReportsService {
  constructor(
    @InjectRepository(ReportEntity) private readonly reports: Repository<ReportEntity>,
    private readonly targets: ReportTargets,
    private readonly users: UserMapper,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Files a report on something the reporter can see (404 otherwise). Reporting the same target
   * again while the first report is open answers that report (`created: false`), so a double
   * click or a retry never queues the same complaint twice.
   */
  async create(reporter: AuthUser, dto: CreateReportDto): Promise<{ report: Report; created: boolean }> {
    const { kind, id } = dto.target;
    const preview = await this.targets.previewFor(reporter, dto.target);
    const openKey = openKeyOf(reporter.id, kind, id);
    const existing = await this.reports.findOneBy({ openKey });
    if (existing) return { report: this.present(existing, reporter, preview), created: false };
    try {
      const saved = await this.reports.manager.transaction(async (tx) => {
        const row = await tx.save(
          tx.create(ReportEntity, {
            targetKind: kind,
            targetId: id,
            reason: dto.reason,
            details: dto.details?.trim() || null,
            reporterId: reporter.id,
            status: 'open',
            openKey,
          }),
        );
        await this.events.publish(tx, 'report.created', {
          reportId: row.id,
          target: { kind, id },
          reporterId: reporter.id,
        });
        return row;
      });
      return { report: this.present(saved, reporter, preview), created: true };
    } catch (err) {
      // Two requests raced past the lookup above: the unique index let one in, answer with it.
      if (!isUniqueViolation(err)) throw err;
      const winner = await this.reports.findOneByOrFail({ openKey });
      return { report: this.present(winner, reporter, preview), created: false };
    }
  }

  private present(row: ReportEntity, reporter: AuthUser, preview: ReportTargetPreview): Report {
    return {
      id: row.id,
      target: { kind: row.targetKind, id: row.targetId },
      reason: row.reason,
      details: row.details,
      reporter: this.users.summary(reporter),
      status: row.status,
      // Resolving arrives with the admin queue (POST /api/admin/reports/:id/resolve).
      resolution: null,
      createdAt: new Date(row.createdAt).toISOString(),
      targetPreview: preview,
    };
  }
}
