import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Put,
  Req,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { BlocksService } from './blocks.service';
import { SingleUpload } from '../common/uploads';
import { LIMITS, type Me } from '@gallery/contracts';
import type { Request } from 'express';
import { ApiErrors, ApiFileBody } from '../common/api-errors';
import { RealtimeEmitter } from '../realtime/realtime-emitter';
import { CurrentUser } from '../common/current-user';
import { SignedIn } from '../common/guards';
import { PasswordRateLimit } from '../throttling/throttling.module';
import { signIn } from '../session/session-login';
import { ChangePasswordDto, UpdateProfileDto } from './dto';
import { BlockedUserDto, MeDto } from './responses';
import type { UserEntity } from './user.entity';
import { UserErrors } from './user.errors';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly realtime: RealtimeEmitter,
    private readonly blocks: BlocksService,
  ) {}

  @Patch('me')
  @SignedIn()
  @ApiOperation({ summary: 'Edit my display name, bio or username' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(400, 401, 403, 409)
  updateProfile(@CurrentUser() user: UserEntity, @Body() dto: UpdateProfileDto): Promise<MeDto> {
    return this.users.updateProfile(user, dto);
  }

  @Put('me/password')
  @HttpCode(204)
  @PasswordRateLimit()
  @SignedIn()
  @ApiOperation({ summary: 'Change my password; signs out my other sessions' })
  @ApiNoContentResponse({ description: 'Changed; your other sessions are signed out' })
  @ApiErrors(400, 401, 403, 429)
  async changePassword(
    @Req() req: Request,
    @CurrentUser() user: UserEntity,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    await signIn(req, await this.users.changePassword(user, dto));
    // Sockets opened by the now-void sessions close; this browser's reconnect with the new session.
    this.realtime.disconnectUser(user.id);
  }

  @Put('me/avatar')
  @SignedIn()
  @UseInterceptors(SingleUpload('file', { limits: { fileSize: LIMITS.avatarBytes, files: 1 } }))
  @ApiOperation({ summary: 'Set my avatar (any common image; stored as a 256 px square WebP)' })
  @ApiFileBody()
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(400, 401, 403, 413, 415)
  setAvatar(
    @CurrentUser() user: UserEntity,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<Me> {
    if (!file) throw UserErrors.fileRequired();
    return this.users.setAvatar(user, file.buffer);
  }

  @Get('me/blocks')
  @SignedIn()
  @ApiOperation({ summary: 'The painters I blocked, most recent first' })
  @ApiOkResponse({ type: [BlockedUserDto] })
  @ApiErrors(401)
  blocked(@CurrentUser() user: UserEntity): Promise<BlockedUserDto[]> {
    return this.blocks.list(user);
  }

  @Put(':username/block')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({
    summary: 'Block a painter',
    description:
      'They can no longer message you or add you to groups, and, signed in, no longer see your profile and artworks; their works leave your explore, colour browse, search, feed and favourites; their messages in shared conversations come marked `blockedSender`, in history and live. Idempotent.',
  })
  @ApiParam({ name: 'username', description: 'Whom to block' })
  @ApiNoContentResponse({ description: 'Blocked' })
  @ApiErrors([400, 'VALIDATION_FAILED', 'CANNOT_BLOCK_SELF'], 401, 403, [404, 'USER_NOT_FOUND'])
  async block(@CurrentUser() user: UserEntity, @Param('username') username: string): Promise<void> {
    await this.blocks.block(user, username);
  }

  @Delete(':username/block')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Unblock a painter (idempotent)' })
  @ApiParam({ name: 'username', description: 'Whom to unblock' })
  @ApiNoContentResponse({ description: 'Unblocked' })
  @ApiErrors(401, 403, [404, 'USER_NOT_FOUND'])
  async unblock(@CurrentUser() user: UserEntity, @Param('username') username: string): Promise<void> {
    await this.blocks.unblock(user, username);
  }
}
