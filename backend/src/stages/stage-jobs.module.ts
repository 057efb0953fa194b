import { Module, type DynamicModule } from '@nestjs/common';
import { configureSharp } from '../media/image-pipeline';
import { StageProcessor } from './stage-processor';
import { StageRecovery } from './stage-recovery';
import { StageTiler } from './stage-tiler';
import { StagesModule } from './stages.module';

/**
 * The stage image job's handlers, wherever jobs are consumed (the api in embedded mode, workers in
 * production), and, in the api, the recovery sweep that queues unfinished stages again.
 */
@Module({})
export class StageJobsModule {
  static forRoot(options: { recovery: boolean }): DynamicModule {
    configureSharp();
    return {
      module: StageJobsModule,
      imports: [StagesModule],
      providers: [StageProcessor, StageTiler, ...(options.recovery ? [StageRecovery] : [])],
      exports: options.recovery ? [StageRecovery] : [],
    };
  }
}
