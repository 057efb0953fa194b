import { Module } from '@nestjs/common';
import { NotificationCoreModule } from './notification-core.module';
import { NotificationsController } from './notifications.controller';

/** Notifications: the routes over NotificationCoreModule. */
@Module({
  imports: [NotificationCoreModule],
  controllers: [NotificationsController],
})
export class NotificationsModule {}
