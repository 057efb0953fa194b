import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StagesModule } from '../stages/stages.module';
import { UserEntity } from '../users/user.entity';
import { ArtworkPaletteEntity } from './artwork-palette.entity';
import { ArtworkEntity } from './artwork.entity';
import { ArtworkProjections } from './artwork-projections';

/** The artwork's derived data and live updates; imported by the api and by workers. */
@Module({
  // A worker loads no other feature module: the rows the projections touch are registered here.
  imports: [TypeOrmModule.forFeature([ArtworkEntity, ArtworkPaletteEntity, UserEntity]), StagesModule],
  providers: [ArtworkProjections],
})
export class ArtworkProjectionsModule {}
