import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { SingleUpload } from '../common/uploads';
import {
  CHAT_REACTIONS,
  LIMITS,
  type ChatReaction,
  type ChatSearchResult,
  type Conversation,
  type Message,
  type Page,
} from '@gallery/contracts';
import { validationFailed } from '../common/app-error';
import type { Response } from 'express';
import { ChatErrors } from './chat.errors';
import { CurrentUser } from '../common/current-user';
import { SignedIn } from '../common/guards';
import { ApiErrors, ApiFileBody } from '../common/api-errors';
import { removeTempUploads, TempUploadStorage, type TempUpload } from '../storage/temp-upload.storage';
import type { AuthUser } from '../common/auth-user';
import { inspectAttachment, renderAttachment } from './attachments';
import { ConversationsService } from './conversations.service';
import {
  AddMemberDto,
  ChatSearchQuery,
  CreateGroupDto,
  EditMessageDto,
  GroupNameDto,
  HistoryQuery,
  MemberRoleDto,
  OpenDirectDto,
  SendMessageDto,
} from './dto';
import { MessagesService } from './messages.service';
import { ChatSearchResultDto, ConversationDto, MessageDto, MessagePageDto } from './responses';

/** The :emoji path parameter: one of the fixed set, else 400 VALIDATION_FAILED. */
function reaction(emoji: string): ChatReaction {
  if (!(CHAT_REACTIONS as readonly string[]).includes(emoji))
    throw validationFailed([`emoji must be one of ${CHAT_REACTIONS.join(' ')}`]);
  return emoji as ChatReaction;
}

const attachmentUpload = SingleUpload('file', {
  storage: new TempUploadStorage(),
  limits: { fileSize: LIMITS.chatAttachmentBytes, files: 1, fields: 5 },
});

@ApiTags('chat')
@Controller('chat')
@SignedIn()
export class ChatController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
  ) {}

  @Get('conversations')
  @ApiOperation({ summary: 'My conversations: the public room first, then by latest message' })
  @ApiOkResponse({ type: [ConversationDto] })
  @ApiErrors(401)
  list(@CurrentUser() user: AuthUser): Promise<Conversation[]> {
    return this.conversations.list(user);
  }

  @Post('direct')
  @ApiOperation({ summary: 'Open (201) or return the existing (200) conversation with one painter' })
  @ApiOkResponse({ type: ConversationDto, description: 'The existing conversation' })
  @ApiCreatedResponse({ type: ConversationDto, description: 'A new conversation' })
  @ApiErrors(400, 401, 403, 404)
  async direct(
    @CurrentUser() user: AuthUser,
    @Body() dto: OpenDirectDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Conversation> {
    const { conversation, created } = await this.conversations.openDirect(user, dto.username);
    res.status(created ? 201 : 200);
    return conversation;
  }

  @Post('groups')
  @ApiOperation({ summary: 'Create a group; you are its admin' })
  @ApiCreatedResponse({ type: ConversationDto })
  @ApiErrors(400, 401, 403, 404)
  createGroup(@CurrentUser() user: AuthUser, @Body() dto: CreateGroupDto): Promise<Conversation> {
    return this.conversations.createGroup(user, dto);
  }

  @Patch('groups/:id')
  @ApiOperation({ summary: 'Rename a group (admins)' })
  @ApiOkResponse({ type: ConversationDto })
  @ApiParam({ name: 'id', description: 'Group conversation id' })
  @ApiErrors(400, 401, 403, 404)
  rename(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: GroupNameDto,
  ): Promise<Conversation> {
    return this.conversations.rename(user, id, dto.name);
  }

  @Post('groups/:id/members')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a member (admins)' })
  @ApiOkResponse({ type: ConversationDto })
  @ApiParam({ name: 'id', description: 'Group conversation id' })
  @ApiErrors(400, 401, 403, 404)
  addMember(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: AddMemberDto,
  ): Promise<Conversation> {
    return this.conversations.addMember(user, id, dto.username);
  }

  @Patch('groups/:id/members/:username')
  @ApiOperation({ summary: 'Make a member an admin, or an admin a member (admins)' })
  @ApiOkResponse({ type: ConversationDto })
  @ApiParam({ name: 'id', description: 'Group conversation id' })
  @ApiParam({ name: 'username', description: 'Username of the member' })
  @ApiErrors(400, 401, 403, 404)
  setRole(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('username') username: string,
    @Body() dto: MemberRoleDto,
  ): Promise<Conversation> {
    return this.conversations.setRole(user, id, username, dto.role);
  }

  @Delete('groups/:id/members/:username')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (admins), or leave (yourself)' })
  @ApiNoContentResponse({ description: 'Removed (or left)' })
  @ApiParam({ name: 'id', description: 'Group conversation id' })
  @ApiParam({ name: 'username', description: 'Username of the member' })
  @ApiErrors(400, 401, 403, 404)
  removeMember(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('username') username: string,
  ): Promise<void> {
    return this.conversations.removeMember(user, id, username);
  }

  @Get('conversations/:id/messages')
  @ApiOperation({ summary: 'History, oldest first within a page; `public` is the public room' })
  @ApiOkResponse({ type: MessagePageDto })
  @ApiParam({ name: 'id', description: 'Conversation id; `public` is the public room' })
  @ApiErrors(400, 401, 404)
  history(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() query: HistoryQuery,
  ): Promise<Page<Message>> {
    return this.messages.history(user, id, query);
  }

  @Post('conversations/:id/messages')
  @ApiOperation({ summary: 'Send a message (same as the chat:send socket event)' })
  @ApiCreatedResponse({ type: MessageDto })
  @ApiParam({ name: 'id', description: 'Conversation id; `public` is the public room' })
  @ApiErrors(400, 401, 403, 404, 429)
  send(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: SendMessageDto,
  ): Promise<Message> {
    return this.messages.send(user, id, dto.body, undefined, dto.replyToId);
  }

  @Post('conversations/:id/attachments')
  @UseInterceptors(attachmentUpload)
  @ApiOperation({ summary: 'Send a file (≤ 25 MB): images, PDF, ZIP or plain text' })
  @ApiFileBody()
  @ApiCreatedResponse({ type: MessageDto })
  @ApiParam({ name: 'id', description: 'Conversation id; `public` is the public room' })
  @ApiErrors(400, 401, 403, 404, 413, 415, 429)
  async attach(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @UploadedFile() file: TempUpload | undefined,
  ): Promise<Message> {
    if (!file) throw ChatErrors.fileRequired();
    try {
      // Cheap checks first (session, size: multer; access and rate limit: send; type and header
      // dimensions: inspect), the decode last.
      return await this.messages.send(user, id, '', async () =>
        renderAttachment(await inspectAttachment(file.path, file.originalname)),
      );
    } finally {
      await removeTempUploads([file]);
    }
  }

  @Patch('messages/:id')
  @ApiOperation({ summary: 'Edit your message (sets editedAt; chat:updated to the conversation)' })
  @ApiOkResponse({ type: MessageDto })
  @ApiParam({ name: 'id', description: 'Message id' })
  @ApiErrors(400, 401, 403, 404, 409)
  edit(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: EditMessageDto,
  ): Promise<Message> {
    return this.messages.edit(user, id, dto.body);
  }

  @Delete('messages/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete your message, or any in a group you admin, for everyone (chat:removed)' })
  @ApiNoContentResponse({ description: 'Deleted: a tombstone remains' })
  @ApiParam({ name: 'id', description: 'Message id' })
  @ApiErrors(401, 403, 404)
  removeMessage(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.messages.remove(user, id);
  }

  @Put('messages/:id/reactions/:emoji')
  @ApiOperation({ summary: 'React to a message of a conversation you are in (chat:updated)' })
  @ApiOkResponse({ type: MessageDto })
  @ApiParam({ name: 'id', description: 'Message id' })
  @ApiParam({ name: 'emoji', description: `One of ${CHAT_REACTIONS.join(' ')}`, enum: CHAT_REACTIONS })
  @ApiErrors(400, 401, 404, 409)
  react(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('emoji') emoji: string,
  ): Promise<Message> {
    return this.messages.react(user, id, reaction(emoji), true);
  }

  @Delete('messages/:id/reactions/:emoji')
  @ApiOperation({ summary: 'Take your reaction back (chat:updated)' })
  @ApiOkResponse({ type: MessageDto })
  @ApiParam({ name: 'id', description: 'Message id' })
  @ApiParam({ name: 'emoji', description: `One of ${CHAT_REACTIONS.join(' ')}`, enum: CHAT_REACTIONS })
  @ApiErrors(400, 401, 404, 409)
  unreact(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('emoji') emoji: string,
  ): Promise<Message> {
    return this.messages.react(user, id, reaction(emoji), false);
  }

  @Get('search')
  @ApiOperation({
    summary: 'Messages of your conversations (the public room included) with every word, newest first',
  })
  @ApiOkResponse({ type: ChatSearchResultDto })
  @ApiErrors(400, 401)
  search(@CurrentUser() user: AuthUser, @Query() query: ChatSearchQuery): Promise<ChatSearchResult> {
    return this.messages.search(user, query.q);
  }

  @Put('conversations/:id/pins/:messageId')
  @ApiOperation({ summary: 'Pin a message to the top of a group (admins)' })
  @ApiOkResponse({ type: ConversationDto })
  @ApiParam({ name: 'id', description: 'Group conversation id' })
  @ApiParam({ name: 'messageId', description: 'A message of that group' })
  @ApiErrors(400, 401, 403, 404, 409)
  pin(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('messageId') messageId: string,
  ): Promise<Conversation> {
    return this.conversations.pin(user, id, messageId, true);
  }

  @Delete('conversations/:id/pins/:messageId')
  @ApiOperation({ summary: 'Unpin a message (admins)' })
  @ApiOkResponse({ type: ConversationDto })
  @ApiParam({ name: 'id', description: 'Group conversation id' })
  @ApiParam({ name: 'messageId', description: 'A message of that group' })
  @ApiErrors(400, 401, 403, 404)
  unpin(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('messageId') messageId: string,
  ): Promise<Conversation> {
    return this.conversations.pin(user, id, messageId, false);
  }

  @Delete('conversations/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the history for me; it comes back, empty, with the next message' })
  @ApiNoContentResponse({ description: 'History deleted for you' })
  @ApiParam({ name: 'id', description: 'Conversation id; `public` is the public room' })
  @ApiErrors(400, 401, 403, 404)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.conversations.deleteForMe(user, id);
  }
}
