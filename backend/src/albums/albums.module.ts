import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StageEntity } from '../stages/stage.entity';
import { UsersModule } from '../users/users.module';
import { AlbumCards } from './album-cards';
import { AlbumEntity } from './album.entity';
import { AlbumViewAccess } from './album-view-access';
import { ExploreService } from './explore.service';
import { StageColorEntity } from './stage-color.entity';
import { AlbumsController } from './albums.controller';
import { AlbumsService } from './albums.service';

@Module({
  imports: [TypeOrmModule.forFeature([AlbumEntity, StageEntity, StageColorEntity]), UsersModule],
  controllers: [AlbumsController],
  providers: [AlbumsService, ExploreService, AlbumViewAccess, AlbumCards],
  exports: [AlbumsService, AlbumViewAccess, AlbumCards],
})
export class AlbumsModule {}
