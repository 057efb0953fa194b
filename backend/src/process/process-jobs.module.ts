import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StagesModule } from '../stages/stages.module';
import { Fingerprints } from './fingerprints';
import { StageFingerprintEntity } from './stage-fingerprint.entity';

/** The process jobs (fingerprints, timelapse films), wherever jobs run: the api and workers. */
@Module({
  imports: [TypeOrmModule.forFeature([StageFingerprintEntity]), StagesModule],
  providers: [Fingerprints],
})
export class ProcessJobsModule {}
