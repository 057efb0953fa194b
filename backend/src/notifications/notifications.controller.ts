import { Body, Controller, Get, HttpCode, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user';
import { SignedInGuard } from '../common/guards';
import { PageQuery } from '../common/pagination';
import {
  MarkReadDto,
  NotificationPageDto,
  NotificationSettingsDto,
  NotificationSettingsResponseDto,
  UnreadCountDto,
} from './dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller()
@UseGuards(SignedInGuard)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications, newest activity first, with the unread count' })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() page: PageQuery): Promise<NotificationPageDto> {
    return this.notifications.list(user.id, page.limit, page.cursor);
  }

  @Post('notifications/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark some (ids) or all notifications read' })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: UnreadCountDto })
  read(@CurrentUser() user: AuthUser, @Body() dto: MarkReadDto): Promise<UnreadCountDto> {
    return this.notifications.markRead(user.id, dto.ids);
  }

  @Get('users/me/notification-settings')
  @ApiOperation({ summary: 'Which notification types I get' })
  @ApiErrors(401)
  @ApiOkResponse({ type: NotificationSettingsResponseDto })
  settings(@CurrentUser() user: AuthUser): Promise<NotificationSettingsResponseDto> {
    return this.notifications.settings(user.id);
  }

  @Put('users/me/notification-settings')
  @ApiOperation({ summary: 'Turn notification types on or off (absent types stay as they are)' })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: NotificationSettingsResponseDto })
  updateSettings(
    @CurrentUser() user: AuthUser,
    @Body() dto: NotificationSettingsDto,
  ): Promise<NotificationSettingsResponseDto> {
    return this.notifications.updateSettings(user.id, dto);
  }
}
