import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHAT_REACTIONS } from '@gallery/contracts';
import type {
  Attachment,
  ChatReaction,
  ChatSearchResult,
  Mention,
  MessageQuote,
  ReactionCount,
  Conversation,
  ConversationKind,
  ConversationMember,
  MemberRole,
  Message,
  Page,
} from '@gallery/contracts';
import { UserSummaryDto } from '../users/responses';

/** Swagger descriptions of the chat shapes; `implements` keeps them in step with contracts. */
export class AttachmentDto implements Attachment {
  @ApiProperty() url!: string;
  @ApiProperty({ description: 'File name as uploaded' }) name!: string;
  @ApiProperty({ example: 'image/png' }) mime!: string;
  @ApiProperty() bytes!: number;
  @ApiPropertyOptional({ description: 'Images only' }) width?: number;
  @ApiPropertyOptional({ description: 'Images only' }) height?: number;
  @ApiPropertyOptional({ description: 'Images only' }) thumbUrl?: string;
}

export class MessageQuoteDto implements MessageQuote {
  @ApiProperty() id!: string;
  @ApiProperty({ type: UserSummaryDto }) sender!: UserSummaryDto;
  @ApiProperty({ description: 'At most 140 characters; the file name for a file; empty once deleted' })
  body!: string;
  @ApiProperty() deleted!: boolean;
}

export class ReactorDto {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
}

export class ReactionCountDto implements ReactionCount {
  @ApiProperty({ enum: CHAT_REACTIONS }) emoji!: ChatReaction;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'You reacted with it (false in socket events: derive it from users)' })
  mine!: boolean;
  @ApiProperty({ type: [ReactorDto], description: 'Who reacted, first first' }) users!: ReactorDto[];
}

export class MentionDto implements Mention {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
}

export class MessageDto implements Message {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '`public` for the public room' }) conversationId!: string;
  @ApiProperty({ type: UserSummaryDto }) sender!: UserSummaryDto;
  @ApiProperty({ description: 'Plain text' }) body!: string;
  @ApiProperty({ type: AttachmentDto, nullable: true }) attachment!: AttachmentDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last edit' }) editedAt!:
    string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Set on a deleted message (a tombstone)',
  })
  deletedAt!: string | null;
  @ApiProperty({ type: MessageQuoteDto, nullable: true, description: 'The message this one answers' })
  replyTo!: MessageQuoteDto | null;
  @ApiProperty({ type: [ReactionCountDto] }) reactions!: ReactionCountDto[];
  @ApiProperty({ type: [MentionDto], description: 'Painters named with @username' }) mentions!: MentionDto[];
}

export class ChatSearchResultDto implements ChatSearchResult {
  @ApiProperty({ type: [MessageDto], description: 'Newest first, at most 50' }) items!: MessageDto[];
}

export class MessagePageDto implements Page<Message> {
  @ApiProperty({ type: [MessageDto], description: 'Oldest first within the page' }) items!: MessageDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for older messages' })
  nextCursor!: string | null;
}

export class ConversationMemberDto extends UserSummaryDto implements ConversationMember {
  @ApiProperty({ enum: ['admin', 'member'] }) role!: MemberRole;
  @ApiProperty({ type: String, nullable: true, description: 'Newest message this member has read' })
  lastReadId!: string | null;
}

export class ConversationDto implements Conversation {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['public', 'direct', 'group'] }) kind!: ConversationKind;
  @ApiProperty({ type: String, nullable: true, description: 'Groups only' }) name!: string | null;
  @ApiProperty({ type: [ConversationMemberDto] }) members!: ConversationMemberDto[];
  @ApiProperty({ type: MessageDto, nullable: true }) lastMessage!: MessageDto | null;
  @ApiProperty({ description: `Capped for the public room (see PUBLIC_UNREAD_CAP)` }) unreadCount!: number;
  @ApiProperty({ type: [MessageQuoteDto], description: 'Groups: pinned messages, oldest pin first' })
  pinned!: MessageQuoteDto[];
}
