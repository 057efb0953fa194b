import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StageEntity } from '../stages/stage.entity';
import { UsersModule } from '../users/users.module';
import { ArtworkCards } from './artwork-cards';
import { ArtworkEntity } from './artwork.entity';
import { ArtworkViewAccess } from './artwork-view-access';
import { ExploreService } from './explore.service';
import { StageColorEntity } from './stage-color.entity';
import { ArtworksController } from './artworks.controller';
import { ArtworksService } from './artworks.service';

@Module({
  imports: [TypeOrmModule.forFeature([ArtworkEntity, StageEntity, StageColorEntity]), UsersModule],
  controllers: [ArtworksController],
  providers: [ArtworksService, ExploreService, ArtworkViewAccess, ArtworkCards],
  exports: [ArtworksService, ArtworkViewAccess, ArtworkCards],
})
export class ArtworksModule {}
