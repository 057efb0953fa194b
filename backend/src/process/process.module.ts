import { Module } from '@nestjs/common';
import { ArtworksModule } from '../artworks/artworks.module';
import { StagesModule } from '../stages/stages.module';
import { UsersModule } from '../users/users.module';
import { ProvenanceController } from './provenance.controller';
import { ProvenanceKeys } from './provenance-keys';
import { ProvenanceService } from './provenance.service';

/** Proof of process: the signed provenance record of an artwork. */
@Module({
  imports: [ArtworksModule, StagesModule, UsersModule],
  controllers: [ProvenanceController],
  providers: [ProvenanceKeys, ProvenanceService],
})
export class ProcessModule {}
