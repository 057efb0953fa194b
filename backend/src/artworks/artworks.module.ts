import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StagesModule } from '../stages/stages.module';
import { UsersModule } from '../users/users.module';
import { ArtworkCards } from './artwork-cards';
import { ArtworkMapper } from './artwork.mapper';
import { ArtworkRows } from './artwork-rows';
import { ArtworkPaletteEntity } from './artwork-palette.entity';
import { ArtworkEntity } from './artwork.entity';
import { ArtworkProjectionsModule } from './artwork-projections.module';
import { ArtworkStagesController } from './artwork-stages.controller';
import { ArtworkStagesService } from './artwork-stages.service';
import { ArtworkViewAccess } from './artwork-view-access';
import { ArtworksController } from './artworks.controller';
import { ArtworksService } from './artworks.service';
import { ExploreService } from './explore.service';

/** Artworks: the aggregate of a painter's work and its stages, explore, cards and cover. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ArtworkEntity, ArtworkPaletteEntity]),
    StagesModule,
    UsersModule,
    ArtworkProjectionsModule,
  ],
  controllers: [ArtworksController, ArtworkStagesController],
  providers: [
    ArtworksService,
    ArtworkStagesService,
    ExploreService,
    ArtworkViewAccess,
    ArtworkCards,
    ArtworkMapper,
    ArtworkRows,
  ],
  exports: [ArtworksService, ArtworkViewAccess, ArtworkCards, TypeOrmModule],
})
export class ArtworksModule {}
