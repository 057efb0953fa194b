import { Module } from '@nestjs/common';
import { AlbumsModule } from '../albums/albums.module';
import { UsersModule } from '../users/users.module';
import { SocialController } from './social.controller';
import { SocialService } from './social.service';

@Module({
  imports: [AlbumsModule, UsersModule],
  controllers: [SocialController],
  providers: [SocialService],
})
export class SocialModule {}
