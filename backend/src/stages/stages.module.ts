import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArtworksModule } from '../artworks/artworks.module';
import { StageEntity } from './stage.entity';
import { StagesController } from './stages.controller';
import { StagesService } from './stages.service';

@Module({
  imports: [TypeOrmModule.forFeature([StageEntity]), ArtworksModule],
  controllers: [StagesController],
  providers: [StagesService],
})
export class StagesModule {}
