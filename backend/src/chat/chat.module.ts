import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { ChatController } from './chat.controller';
import { ChatGateway } from './chat.gateway';
import { ConversationsService } from './conversations.service';
import { MessagesService } from './messages.service';
import { PresenceService } from './presence.service';

@Module({
  imports: [UsersModule],
  controllers: [ChatController],
  providers: [ConversationsService, MessagesService, PresenceService, ChatGateway],
})
export class ChatModule {}
