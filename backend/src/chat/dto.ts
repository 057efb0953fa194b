import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LIMITS,
  type CreateGroupRequest,
  type EditMessageRequest,
  type MemberRole,
  type OpenDirectRequest,
  type SendMessageRequest,
} from '@gallery/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const bodyMessage = `body must be ${LIMITS.chatMessage.min} to ${LIMITS.chatMessage.max} characters`;

export class SendMessageDto implements SendMessageRequest {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.chatMessage.max, description: 'Plain text; trimmed' })
  @Transform(trim)
  @IsString({ message: bodyMessage })
  @Length(LIMITS.chatMessage.min, LIMITS.chatMessage.max, { message: bodyMessage })
  body!: string;

  @ApiPropertyOptional({ description: 'Id of a message of the same conversation this one answers' })
  @IsOptional()
  @IsString({ message: 'replyToId must be a message id' })
  @Length(1, 36, { message: 'replyToId must be a message id' })
  replyToId?: string;
}

export class EditMessageDto implements EditMessageRequest {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.chatMessage.max, description: 'Plain text; trimmed' })
  @Transform(trim)
  @IsString({ message: bodyMessage })
  @Length(LIMITS.chatMessage.min, LIMITS.chatMessage.max, { message: bodyMessage })
  body!: string;
}

export class ChatSearchQuery {
  @ApiProperty({
    description: 'Words to find (each as a prefix), 1–100 characters',
    minLength: 1,
    maxLength: 100,
  })
  @IsString({ message: 'q is required' })
  @Length(1, 100, { message: 'q must be 1 to 100 characters' })
  q!: string;
}

export class OpenDirectDto implements OpenDirectRequest {
  @ApiProperty({ example: 'anna' })
  @IsString()
  @MaxLength(LIMITS.username.max)
  username!: string;
}

export class GroupNameDto {
  @ApiProperty({ minLength: 1, maxLength: 60 })
  @Transform(trim)
  @IsString()
  @Length(1, 60, { message: 'name must be 1 to 60 characters' })
  name!: string;
}

export class CreateGroupDto extends GroupNameDto implements CreateGroupRequest {
  @ApiProperty({ type: [String], description: 'Usernames to add besides you' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  usernames!: string[];
}

export class AddMemberDto {
  @ApiProperty()
  @IsString()
  @MaxLength(LIMITS.username.max)
  username!: string;
}

export class MemberRoleDto {
  @ApiProperty({ enum: ['admin', 'member'] })
  @IsIn(['admin', 'member'], { message: 'role must be admin or member' })
  role!: MemberRole;
}

export class HistoryQuery {
  @ApiPropertyOptional({ description: 'Messages older than this message id' })
  // No length rule: anything not handed out as nextCursor is INVALID_CURSOR (common/cursor.ts).
  @IsOptional()
  @IsString()
  before?: string;

  @ApiPropertyOptional({
    description: 'A message id: the page around it (half older, it, then newer) instead',
  })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  around?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50, description: 'Messages per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 50;
}

/** Socket payloads, validated like REST bodies. */
export class ChatSendDto extends SendMessageDto {
  @IsString({ message: 'conversationId is required' })
  @Length(1, 36, { message: 'conversationId is required' })
  conversationId!: string;
}

export class ChatTypingDto {
  @IsString({ message: 'conversationId is required' })
  @Length(1, 36, { message: 'conversationId is required' })
  conversationId!: string;
}

export class ChatReadDto extends ChatTypingDto {
  @IsString({ message: 'messageId is required' })
  @Length(1, 36, { message: 'messageId is required' })
  messageId!: string;
}
