import {
  Global,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { In, LessThanOrEqual, Repository, type EntityManager } from 'typeorm';
import { uuidv7 } from '../common/uuidv7';
import { AppConfig } from '../config/app-config';
import { JobDispatcher } from '../queue/job-dispatcher';
import { JobQueue } from '../queue/job-queue';
import { MediaStorage } from './media-storage';
import { StorageDeletionEntity } from './storage-deletion.entity';
import { sweepTempFiles, TEMP_MAX_AGE_MS } from './temp-files';

/** Rows carried out per sweep pass; the next pass takes the rest. */
const SWEEP_BATCH = 500;

/**
 * Durable deletion of stored objects (an outbox). `record` writes one row per key inside the
 * caller's transaction, so the deletion commits or rolls back with the change that orphans the
 * object; after commit `dispatch` queues a `delete-objects` job, and a sweep at start-up and on a
 * timer carries out whatever a crash, a lost Redis or a failed job left. Carrying out deletes the
 * object first and the row after, and deleting an absent object succeeds, so a deletion happens
 * whatever dies when, and repeating it changes nothing.
 */
@Injectable()
export class StorageDeletions implements OnModuleInit {
  private readonly logger = new Logger('StorageDeletions');

  constructor(
    @InjectRepository(StorageDeletionEntity) private readonly rows: Repository<StorageDeletionEntity>,
    private readonly storage: MediaStorage,
    private readonly jobs: JobQueue,
    private readonly dispatcher: JobDispatcher,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register('delete-objects', async ({ ids, keys }) => {
      if (ids?.length) await this.carryOut(ids);
      // Jobs queued before the outbox existed carried keys.
      if (keys?.length) await Promise.all(keys.map((key) => this.storage.delete(key)));
    });
  }

  /**
   * Records keys to delete, in `tx`; returns the rows' ids for `dispatch` after commit.
   * `delayMs` defers a sweep (an upload's intent, cancelled by `cancel` when its stage is saved).
   */
  async record(tx: EntityManager, keys: string[], delayMs = 0): Promise<string[]> {
    if (!keys.length) return [];
    const now = Date.now();
    const rows = keys.map((key) => ({
      id: uuidv7(now),
      key,
      createdAt: now,
      dueAt: now + delayMs,
      attempts: 0,
    }));
    await tx.insert(StorageDeletionEntity, rows);
    return rows.map((r) => r.id);
  }

  /** Forgets recorded deletions (the object is kept after all); in the caller's transaction. */
  async cancel(tx: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await tx.delete(StorageDeletionEntity, { id: In(ids) });
  }

  /** Queues the deletion of committed rows; if that fails the sweep carries them out later. */
  async dispatch(ids: string[]): Promise<void> {
    if (!ids.length) return;
    try {
      await this.jobs.add('delete-objects', { ids });
    } catch (err) {
      this.logger.warn(`queueing deletions failed, the sweep will do them: ${message(err)}`);
    }
  }

  /** Deletes the objects of these rows, then the rows; rows already gone were done before. */
  async carryOut(ids: string[]): Promise<void> {
    const rows = await this.rows.findBy({ id: In(ids) });
    for (const row of rows) {
      await this.rows.increment({ id: row.id }, 'attempts', 1);
      // A key ending in '/' is a folder (a stage's deep-zoom tiles): everything under it goes.
      await (row.key.endsWith('/') ? this.storage.deletePrefix(row.key) : this.storage.delete(row.key));
      await this.rows.delete({ id: row.id });
    }
  }

  /** Carries out every due row, oldest first; returns how many. Failures wait for the next pass. */
  async sweep(now = Date.now()): Promise<number> {
    try {
      const due = await this.rows.find({
        where: { dueAt: LessThanOrEqual(now) },
        select: { id: true },
        order: { dueAt: 'ASC' },
        take: SWEEP_BATCH,
      });
      if (due.length) await this.carryOut(due.map((r) => r.id));
      return due.length;
    } catch (err) {
      this.logger.warn(`deletion sweep failed: ${message(err)}`);
      return 0;
    }
  }
}

/**
 * At start-up and on a timer: carries out pending deletions and removes temp files that no
 * running process can be using (see sweepTempFiles). Runs in the api and in workers.
 */
@Injectable()
export class StorageJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StorageJanitor');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly deletions: StorageDeletions,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.pass();
    // The stage recovery interval: both sweeps are the same kind of "finish what a crash left".
    const every = Math.max(1000, Math.floor(this.config.stageRecoveryMs / 2));
    this.timer = setInterval(() => void this.pass(), every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One sweep of both; returns what was done, for tests. */
  async pass(): Promise<{ deletions: number; tempFiles: number }> {
    const deletions = await this.deletions.sweep();
    const tempFiles = await sweepTempFiles(TEMP_MAX_AGE_MS).catch((err: unknown) => {
      this.logger.warn(`temp file sweep failed: ${message(err)}`);
      return 0;
    });
    if (deletions || tempFiles) this.logger.log(`removed ${deletions} object(s), ${tempFiles} temp file(s)`);
    return { deletions, tempFiles };
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The deletion outbox and the janitor, for every module (api and workers). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([StorageDeletionEntity])],
  providers: [StorageDeletions, StorageJanitor],
  exports: [StorageDeletions, StorageJanitor],
})
export class StorageDeletionsModule {}
