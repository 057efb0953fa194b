import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PinEntity } from './pin.entity';
import { PinsService } from './pins.service';
import { StageColorEntity } from './stage-color.entity';
import { StageMapper } from './stage.mapper';
import { StageEntity } from './stage.entity';
import { StagesService } from './stages.service';

/**
 * Stages: their rows, colours, storage keys and mapper. The HTTP routes belong to the artwork
 * (artworks module, which checks access and holds the artwork's lock); the image job is in
 * StageJobsModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StageEntity, StageColorEntity, PinEntity])],
  providers: [StagesService, StageMapper, PinsService],
  exports: [StagesService, StageMapper, PinsService, TypeOrmModule],
})
export class StagesModule {}
