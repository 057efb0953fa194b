import { Module } from '@nestjs/common';
import { ArtworksModule } from '../artworks/artworks.module';
import { UsersModule } from '../users/users.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FavoriteEntity } from './favorite.entity';
import { FollowEntity } from './follow.entity';
import { LikeEntity } from './like.entity';
import { ProfilesController } from './profiles.controller';
import { SocialController } from './social.controller';
import { SocialService } from './social.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([LikeEntity, FavoriteEntity, FollowEntity]),
    ArtworksModule,
    UsersModule,
  ],
  controllers: [SocialController, ProfilesController],
  providers: [SocialService],
})
export class SocialModule {}
