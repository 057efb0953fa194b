import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
} from '@nestjs/swagger';
import { ArtworkDto } from '../artworks/responses';
import { ArtworksService } from '../artworks/artworks.service';
import { ApiErrors } from '../common/api-errors';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user';
import { AdminOnly } from '../common/guards';
import { PageQuery } from '../common/pagination';
import { AdminDirectory } from './admin-directory';
import { AdminErrors } from './admin.errors';
import { AuditLog } from './audit-log';
import {
  AdminUserQuery,
  HideArtworkDto,
  RemoveCommentDto,
  RemoveMessageDto,
  ReportQueueQuery,
  ResolveReportDto,
  RoleDto,
  SuspensionDto,
} from './dto';
import { ModerationService } from './moderation.service';
import { ReportQueue } from './report-queue';
import {
  AdminStatsDto,
  AdminUserDto,
  AdminUserPageDto,
  AuditPageDto,
  ReportQueueItemDto,
  ReportQueuePageDto,
} from './responses';

/** Every admin route: 401 signed out, 403 `ADMIN_ONLY` for everyone but admins. */
@Controller('admin')
@AdminOnly()
export class AdminController {
  constructor(
    private readonly queue: ReportQueue,
    private readonly moderation: ModerationService,
    private readonly directory: AdminDirectory,
    private readonly audit: AuditLog,
    private readonly artworks: ArtworksService,
  ) {}

  @Get('reports')
  @ApiOperation({
    summary: 'The moderation queue',
    description:
      'Reports grouped by target (ten reports of one artwork are one item with count 10). Open: oldest first; resolved: newest first.',
  })
  @ApiOkResponse({ type: ReportQueuePageDto })
  @ApiErrors(400, 401, [403, 'ADMIN_ONLY'])
  reports(@Query() query: ReportQueueQuery): Promise<ReportQueuePageDto> {
    return this.queue.list(query.status ?? 'open', query);
  }

  @Post('reports/:id/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Act on a report’s target and close every open report on it',
    description:
      'One transaction with its audit entry. Actions: dismiss, hide (artwork or stage), remove (message or comment), suspend (the owner; a comment’s author).',
  })
  @ApiParam({ name: 'id', description: 'Report id (any report of the group)' })
  @ApiOkResponse({ type: ReportQueueItemDto, description: 'The resolved group' })
  @ApiErrors(
    [400, 'VALIDATION_FAILED', 'ACTION_NOT_APPLICABLE', 'CANNOT_MODERATE_SELF'],
    401,
    [403, 'ADMIN_ONLY'],
    [404, 'REPORT_NOT_FOUND', 'NOT_FOUND'],
    [409, 'REPORT_ALREADY_RESOLVED'],
  )
  resolve(
    @CurrentUser() admin: AuthUser,
    @Param('id') id: string,
    @Body() dto: ResolveReportDto,
  ): Promise<ReportQueueItemDto> {
    return this.queue.resolve(admin, id, dto.action, dto.note?.trim() || null);
  }

  @Put('albums/:id/hidden')
  @ApiOperation({
    summary: 'Hide an artwork from everyone but its owner, or unhide it',
    description:
      'Hidden works leave every list, search and lookup; the owner sees a banner with the reason. Watchers are evicted.',
  })
  @ApiParam({ name: 'id', description: 'Artwork id' })
  @ApiOkResponse({ type: ArtworkDto, description: 'The artwork as its owner sees it (with `hidden`)' })
  @ApiErrors([400, 'VALIDATION_FAILED'], 401, [403, 'ADMIN_ONLY'], [404, 'ARTWORK_NOT_FOUND'])
  async hide(
    @CurrentUser() admin: AuthUser,
    @Param('id') id: string,
    @Body() dto: HideArtworkDto,
  ): Promise<ArtworkDto> {
    await this.moderation.setHidden(admin, id, dto.hidden, dto.reason?.trim() || null);
    return this.artworks.get(admin, id);
  }

  @Delete('messages/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a chat message for everyone',
    description:
      'Its body and attachment are erased; history shows it as removed; `chat:removed` goes to the conversation.',
  })
  @ApiParam({ name: 'id', description: 'Message id' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors([400, 'VALIDATION_FAILED'], 401, [403, 'ADMIN_ONLY'], [404, 'MESSAGE_NOT_FOUND'])
  async removeMessage(
    @CurrentUser() admin: AuthUser,
    @Param('id') id: string,
    @Body() dto: RemoveMessageDto,
  ): Promise<void> {
    await this.moderation.removeMessage(admin, id, dto.reason?.trim() || null);
  }

  @Delete('comments/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a comment for everyone',
    description:
      'Deleted as its author would delete it (one with replies stays as a deleted placeholder); the artwork’s commentCount drops; `comment:deleted` goes to the artwork’s watchers. Open reports on it are resolved with `remove` in the same transaction (each reporter is notified).',
  })
  @ApiParam({ name: 'id', description: 'Comment id' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors([400, 'VALIDATION_FAILED'], 401, [403, 'ADMIN_ONLY'], [404, 'COMMENT_NOT_FOUND'])
  async removeComment(
    @CurrentUser() admin: AuthUser,
    @Param('id') id: string,
    @Body() dto: RemoveCommentDto,
  ): Promise<void> {
    await this.queue.removeComment(admin, id, dto.reason?.trim() || null);
  }

  @Put('users/:username/suspension')
  @ApiOperation({
    summary: 'Suspend a painter, or lift it',
    description:
      'Suspending ends every session and socket at once, on every instance; sign-in answers 403 SUSPENDED with the reason; their profile, artworks and messages are hidden until lifted.',
  })
  @ApiParam({ name: 'username', description: 'The painter’s username' })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiErrors(
    [400, 'VALIDATION_FAILED', 'CANNOT_MODERATE_SELF'],
    401,
    [403, 'ADMIN_ONLY'],
    [404, 'USER_NOT_FOUND'],
  )
  async suspend(
    @CurrentUser() admin: AuthUser,
    @Param('username') username: string,
    @Body() dto: SuspensionDto,
  ): Promise<AdminUserDto> {
    const reason = dto.reason?.trim();
    if (dto.suspended && !reason) throw AdminErrors.reasonRequired();
    const until = dto.until ? Date.parse(dto.until) : null;
    const user = await this.moderation.setSuspension(
      admin,
      username,
      dto.suspended ? { reason: reason!, until } : null,
    );
    return this.directory.present(user);
  }

  @Put('users/:username/role')
  @ApiOperation({ summary: 'Make a painter an admin, or unmake one (never yourself, never the last admin)' })
  @ApiParam({ name: 'username', description: 'The painter’s username' })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiErrors(
    [400, 'VALIDATION_FAILED', 'CANNOT_CHANGE_OWN_ROLE'],
    401,
    [403, 'ADMIN_ONLY'],
    [404, 'USER_NOT_FOUND'],
    [409, 'LAST_ADMIN'],
  )
  async role(
    @CurrentUser() admin: AuthUser,
    @Param('username') username: string,
    @Body() dto: RoleDto,
  ): Promise<AdminUserDto> {
    return this.directory.present(await this.moderation.setRole(admin, username, dto.role));
  }

  @Post('stages/:id/reprocess')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run a stage’s image job again, whatever its status' })
  @ApiParam({ name: 'id', description: 'Stage id' })
  @ApiAcceptedResponse({ description: 'Queued; the stage is pending and `stage:updated` follows' })
  @ApiErrors(401, [403, 'ADMIN_ONLY'], [404, 'STAGE_NOT_FOUND'])
  async reprocess(@CurrentUser() admin: AuthUser, @Param('id') id: string): Promise<void> {
    await this.moderation.reprocess(admin, id);
  }

  @Get('users')
  @ApiOperation({ summary: 'Find accounts by username or display name, active or suspended' })
  @ApiOkResponse({ type: AdminUserPageDto })
  @ApiErrors(400, 401, [403, 'ADMIN_ONLY'])
  users(@Query() query: AdminUserQuery): Promise<AdminUserPageDto> {
    return this.directory.list(query.q ?? '', query.status, query.limit, query.cursor);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Users, artworks, stages by status, open reports, sockets online, storage bytes' })
  @ApiOkResponse({ type: AdminStatsDto })
  @ApiErrors(401, [403, 'ADMIN_ONLY'])
  stats(): Promise<AdminStatsDto> {
    return this.directory.stats();
  }

  @Get('audit')
  @ApiOperation({ summary: 'Every admin action, newest first' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors(400, 401, [403, 'ADMIN_ONLY'])
  auditLog(@Query() query: PageQuery): Promise<AuditPageDto> {
    return this.audit.page(query);
  }
}
