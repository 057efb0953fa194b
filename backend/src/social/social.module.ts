import { Module } from '@nestjs/common';
import { ArtworksModule } from '../artworks/artworks.module';
import { UsersModule } from '../users/users.module';
import { SocialController } from './social.controller';
import { SocialService } from './social.service';

@Module({
  imports: [ArtworksModule, UsersModule],
  controllers: [SocialController],
  providers: [SocialService],
})
export class SocialModule {}
