import { Module } from '@nestjs/common';
import { StagesModule } from '../stages/stages.module';
import { ArtworkProjections } from './artwork-projections';

/** The artwork's derived data and live updates; imported by the api and by workers. */
@Module({
  imports: [StagesModule],
  providers: [ArtworkProjections],
})
export class ArtworkProjectionsModule {}
