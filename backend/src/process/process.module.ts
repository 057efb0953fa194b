import { Module } from '@nestjs/common';
import { ArtworksModule } from '../artworks/artworks.module';
import { StagesModule } from '../stages/stages.module';
import { UsersModule } from '../users/users.module';
import { LookupController } from './lookup.controller';
import { LookupService } from './lookup.service';
import { ProcessJobsModule } from './process-jobs.module';
import { TimelapseController } from './timelapse.controller';
import { ProvenanceController } from './provenance.controller';
import { ProvenanceKeys } from './provenance-keys';
import { ProvenanceService } from './provenance.service';

/** Proof of process: the signed provenance record, lookup of an image, the process film. */
@Module({
  imports: [ArtworksModule, StagesModule, UsersModule, ProcessJobsModule],
  controllers: [ProvenanceController, LookupController, TimelapseController],
  providers: [ProvenanceKeys, ProvenanceService, LookupService],
})
export class ProcessModule {}
