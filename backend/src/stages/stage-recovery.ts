import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { PREVIEW_SIZE } from '../media/image-pipeline';
import { AppConfig } from '../config/app-config';
import { JobQueue } from '../queue/job-queue';
import { StageEntity } from './stage.entity';

/**
 * The stage row is the truth; the queue only carries work. At start-up every unfinished stage
 * is queued again (an in-process queue starts empty; Redis may have lost its jobs), and on a
 * timer so are stages stuck longer than the threshold (a worker killed mid-job, Redis restarted).
 * Re-adding is harmless: job ids dedupe, and processing is idempotent.
 */
@Injectable()
export class StageRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StageRecovery');
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.requeue(0);
    void this.requeueTiles();
    const every = Math.max(1000, Math.floor(this.config.stageRecoveryMs / 2));
    this.timer = setInterval(() => void this.requeue(this.config.stageRecoveryMs), every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /**
   * Queues the tiles job of ready stages larger than their preview that have none (a job lost
   * with an in-process queue or a flushed Redis); once per start, since a job that keeps failing
   * must not loop. Returns how many.
   */
  async requeueTiles(): Promise<number> {
    try {
      const big = { status: 'ready' as const, tilesKey: IsNull() };
      const missing = await this.stages.find({
        where: [
          { ...big, width: MoreThan(PREVIEW_SIZE) },
          { ...big, height: MoreThan(PREVIEW_SIZE) },
        ],
        select: { id: true },
        take: 500,
      });
      for (const { id } of missing) await this.jobs.add('tile-stage', { stageId: id }, `tiles-${id}`);
      if (missing.length) this.logger.log(`queued the tiles of ${missing.length} stage(s) again`);
      return missing.length;
    } catch (err) {
      this.logger.warn(`tiles recovery failed: ${err instanceof Error ? err.message : String(err)}`);
      return 0;
    }
  }

  /** Queues unfinished stages untouched for `olderThanMs`; returns how many. */
  async requeue(olderThanMs: number): Promise<number> {
    try {
      const stuck = await this.stages.find({
        where: {
          status: In(['pending', 'processing']),
          updatedAt: LessThan(new Date(Date.now() - olderThanMs)),
        },
        select: { id: true },
        take: 500,
      });
      for (const { id } of stuck) {
        await this.stages.update({ id }, { updatedAt: new Date() });
        await this.jobs.add('process-stage', { stageId: id }, `stage-${id}`);
      }
      if (stuck.length) this.logger.log(`queued ${stuck.length} unfinished stage(s) again`);
      return stuck.length;
    } catch (err) {
      this.logger.warn(`recovery pass failed: ${err instanceof Error ? err.message : String(err)}`);
      return 0;
    }
  }
}
