import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StageEntity } from '../stages/stage.entity';
import { configureSharp } from './image-pipeline';
import { StageProcessor } from './stage-processor';
import { StageRecovery } from './stage-recovery';

/**
 * Media processing: the job handlers (wherever jobs are consumed) and, in the api, the
 * recovery sweep that re-queues unfinished stages.
 */
@Module({})
export class MediaModule {
  static forRoot(options: { recovery: boolean }): DynamicModule {
    configureSharp();
    return {
      module: MediaModule,
      imports: [TypeOrmModule.forFeature([StageEntity])],
      providers: [StageProcessor, ...(options.recovery ? [StageRecovery] : [])],
      exports: options.recovery ? [StageRecovery] : [],
    };
  }
}
