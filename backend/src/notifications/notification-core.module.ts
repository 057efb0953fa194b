import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArtworkCards } from '../artworks/artwork-cards';
import { ArtworkEntity } from '../artworks/artwork.entity';
import { CommentEntity } from '../comments/comment.entity';
import { FollowEntity } from '../social/follow.entity';
import { StagesModule } from '../stages/stages.module';
import { UserEntity } from '../users/user.entity';
import { UserMapper } from '../users/user.mapper';
import { NotificationEntity, NotificationSettingsEntity } from './notification.entity';
import { NotificationTriggers } from './notification-triggers';
import { NotificationsService } from './notifications.service';

/**
 * Storing and delivering notifications, the domain-event triggers and the fan-out job. Imported by
 * the api (with the routes, NotificationsModule) and by workers, which run the fan-out job; so it
 * brings the few readers it needs (cards, user summaries) instead of whole feature modules.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      NotificationEntity,
      NotificationSettingsEntity,
      ArtworkEntity,
      CommentEntity,
      FollowEntity,
      UserEntity,
    ]),
    StagesModule,
  ],
  providers: [NotificationsService, NotificationTriggers, ArtworkCards, UserMapper],
  exports: [NotificationsService],
})
export class NotificationCoreModule {}
