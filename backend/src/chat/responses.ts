import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  Attachment,
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

export class MessageDto implements Message {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '`public` for the public room' }) conversationId!: string;
  @ApiProperty({ type: UserSummaryDto }) sender!: UserSummaryDto;
  @ApiProperty({ description: 'Plain text' }) body!: string;
  @ApiProperty({ type: AttachmentDto, nullable: true }) attachment!: AttachmentDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
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
}
