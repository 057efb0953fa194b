import { Body, Controller, HttpCode, Patch, Put, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { MeDto } from './responses';
import type { UserEntity } from './user.entity';
import { UserErrors } from './user.errors';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly realtime: RealtimeEmitter,
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
}
