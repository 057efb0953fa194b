import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { buffer } from 'node:stream/consumers';
import { Repository } from 'typeorm';
import { DomainEvents } from '../events/domain-events';
import { differenceHash, hashBands } from '../media/perceptual-hash';
import { JobDispatcher } from '../queue/job-dispatcher';
import { JobQueue } from '../queue/job-queue';
import { MediaStorage } from '../storage/media-storage';
import { StageEntity } from '../stages/stage.entity';
import { StageFingerprintEntity } from './stage-fingerprint.entity';

/**
 * Keeps each ready stage's fingerprint for lookup: when a stage becomes ready (first processing or
 * a retry), a job hashes its preview. Listens to the domain events, so the image job itself is
 * untouched; runs wherever jobs run. Rows go with their stage (ON DELETE CASCADE).
 */
@Injectable()
export class Fingerprints implements OnModuleInit {
  constructor(
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    @InjectRepository(StageFingerprintEntity) private readonly prints: Repository<StageFingerprintEntity>,
    private readonly storage: MediaStorage,
    private readonly events: DomainEvents,
    private readonly jobs: JobQueue,
    private readonly dispatcher: JobDispatcher,
  ) {}

  onModuleInit(): void {
    this.events.onCommitted('stage.status', async ({ stageId, status }) => {
      if (status === 'ready') await this.jobs.add('fingerprint-stage', { stageId }, `fingerprint-${stageId}`);
    });
    this.dispatcher.register('fingerprint-stage', ({ stageId }) => this.fingerprint(stageId));
  }

  async fingerprint(stageId: string): Promise<void> {
    const stage = await this.stages.findOneBy({ id: stageId });
    if (!stage) return;
    this.dispatcher.addLogFields({ albumId: stage.albumId });
    if (stage.status !== 'ready' || !stage.previewKey) return;
    const preview = await buffer((await this.storage.get(stage.previewKey)).body);
    const hash = await differenceHash(preview);
    const [b0, b1, b2, b3, b4, b5, b6, b7] = hashBands(hash) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const row = {
      stageId,
      albumId: stage.albumId,
      sha256: stage.sha256,
      hash,
      b0,
      b1,
      b2,
      b3,
      b4,
      b5,
      b6,
      b7,
    };
    if (!(await this.stages.existsBy({ id: stageId }))) return;
    await this.prints.upsert(row, ['stageId']);
  }
}
