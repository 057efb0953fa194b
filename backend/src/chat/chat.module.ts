import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { ConversationAudience } from './audience';
import { ChatController } from './chat.controller';
import { ConversationEntity } from './conversation.entity';
import { MemberEntity } from './member.entity';
import { MessageEntity } from './message.entity';
import { MessageViews } from './message-views';
import { PinEntity } from './pin.entity';
import { ReactionEntity } from './reaction.entity';
import { ChatMapper } from './chat.mapper';
import { ChatGateway } from './chat.gateway';
import { ConversationsService } from './conversations.service';
import { MessagesService } from './messages.service';
import { PresenceService } from './presence.service';
import { PublicReads } from './public-reads';

@Module({
  imports: [
    TypeOrmModule.forFeature([ConversationEntity, MemberEntity, MessageEntity, ReactionEntity, PinEntity]),
    UsersModule,
  ],
  controllers: [ChatController],
  providers: [
    ChatMapper,
    ConversationAudience,
    MessageViews,
    ConversationsService,
    MessagesService,
    PresenceService,
    PublicReads,
    ChatGateway,
  ],
  exports: [ConversationsService, MessagesService],
})
export class ChatModule {}
