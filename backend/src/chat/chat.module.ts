import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { ChatController } from './chat.controller';
import { ChatMapper } from './chat.mapper';
import { ChatGateway } from './chat.gateway';
import { ConversationsService } from './conversations.service';
import { MessagesService } from './messages.service';
import { PresenceService } from './presence.service';
import { PublicReads } from './public-reads';

@Module({
  imports: [UsersModule],
  controllers: [ChatController],
  providers: [ChatMapper, ConversationsService, MessagesService, PresenceService, PublicReads, ChatGateway],
})
export class ChatModule {}
