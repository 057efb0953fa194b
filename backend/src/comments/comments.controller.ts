import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, OptionalUser } from '../common/current-user';
import { SignedInGuard } from '../common/guards';
import { PageQuery } from '../common/pagination';
import { CachedRead } from '../read-cache/cached-read';
import { CommentsService } from './comments.service';
import { CommentListQuery, CreateCommentDto, UpdateCommentDto } from './dto';
import { CommentDto, CommentPageDto } from './responses';

@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get('albums/:id/comments')
  @CachedRead()
  @ApiOperation({ summary: 'Top-level comments on an artwork (or one stage), oldest first, with replyCount' })
  @ApiErrors(400, 404)
  @ApiOkResponse({ type: CommentPageDto })
  list(
    @OptionalUser() viewer: AuthUser | null,
    @Param('id') id: string,
    @Query() query: CommentListQuery,
  ): Promise<CommentPageDto> {
    return this.comments.list(viewer, id, query);
  }

  @Get('comments/:id/replies')
  @CachedRead()
  @ApiOperation({ summary: 'Replies to a comment, oldest first' })
  @ApiErrors(400, 404)
  @ApiOkResponse({ type: CommentPageDto })
  replies(
    @OptionalUser() viewer: AuthUser | null,
    @Param('id') id: string,
    @Query() query: PageQuery,
  ): Promise<CommentPageDto> {
    return this.comments.replies(viewer, id, query);
  }

  @Post('albums/:id/comments')
  @UseGuards(SignedInGuard)
  @ApiOperation({ summary: 'Comment on an artwork or a stage (a point on it), or reply to a comment' })
  @ApiErrors(400, 401, 403, 404)
  @ApiCreatedResponse({ type: CommentDto })
  create(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.create(user, id, dto);
  }

  @Patch('comments/:id')
  @UseGuards(SignedInGuard)
  @ApiOperation({ summary: 'Edit your own comment, within 15 minutes of posting it' })
  @ApiErrors(400, 401, 403, 404)
  @ApiOkResponse({ type: CommentDto })
  edit(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.edit(user, id, dto.body);
  }

  @Delete('comments/:id')
  @HttpCode(204)
  @UseGuards(SignedInGuard)
  @ApiOperation({ summary: 'Delete your comment, or any on your artwork' })
  @ApiErrors(401, 403, 404)
  @ApiNoContentResponse({ description: 'Done; nothing to return' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.comments.remove(user, id);
  }
}
