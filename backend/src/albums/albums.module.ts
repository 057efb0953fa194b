import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StageEntity } from '../stages/stage.entity';
import { UsersModule } from '../users/users.module';
import { AlbumEntity } from './album.entity';
import { AlbumViewAccess } from './album-view-access';
import { AlbumsController } from './albums.controller';
import { AlbumsService } from './albums.service';

@Module({
  imports: [TypeOrmModule.forFeature([AlbumEntity, StageEntity]), UsersModule],
  controllers: [AlbumsController],
  providers: [AlbumsService, AlbumViewAccess],
  exports: [AlbumsService, AlbumViewAccess],
})
export class AlbumsModule {}
