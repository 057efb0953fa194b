import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArtworkEntity } from '../artworks/artwork.entity';
import { StagesModule } from '../stages/stages.module';
import { Fingerprints } from './fingerprints';
import { StageFingerprintEntity } from './stage-fingerprint.entity';
import { TimelapseEntity } from './timelapse.entity';
import { Timelapses } from './timelapses';

/** The process jobs (fingerprints, timelapse films), wherever jobs run: the api and workers. */
@Module({
  imports: [TypeOrmModule.forFeature([StageFingerprintEntity, TimelapseEntity, ArtworkEntity]), StagesModule],
  providers: [Fingerprints, Timelapses],
  exports: [Timelapses],
})
export class ProcessJobsModule {}
