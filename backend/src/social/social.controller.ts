import { Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ArtworkCardPageDto } from '../artworks/responses';
import { CurrentUser } from '../common/current-user';
import { SignedIn } from '../common/guards';
import { ApiErrors } from '../common/api-errors';
import { PageQuery } from '../common/pagination';
import type { AuthUser } from '../common/auth-user';
import { FavoriteStateDto, FollowStateDto, LikeStateDto } from './responses';
import { SocialService } from './social.service';

@ApiTags('social')
@Controller()
@SignedIn()
export class SocialController {
  constructor(private readonly social: SocialService) {}

  @Put('albums/:id/like')
  @ApiOperation({ summary: 'Like an artwork (idempotent)' })
  @ApiOkResponse({ type: LikeStateDto })
  @ApiParam({ name: 'id', description: 'Artwork id' })
  @ApiErrors(401, 403, 404)
  like(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<LikeStateDto> {
    return this.social.like(user, id, true);
  }

  @Delete('albums/:id/like')
  @ApiOperation({ summary: 'Take a like back (idempotent)' })
  @ApiOkResponse({ type: LikeStateDto })
  @ApiParam({ name: 'id', description: 'Artwork id' })
  @ApiErrors(401, 403, 404)
  unlike(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<LikeStateDto> {
    return this.social.like(user, id, false);
  }

  @Put('albums/:id/favorite')
  @ApiOperation({ summary: 'Add an artwork to my favourites (idempotent)' })
  @ApiOkResponse({ type: FavoriteStateDto })
  @ApiParam({ name: 'id', description: 'Artwork id' })
  @ApiErrors(401, 403, 404)
  favorite(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<FavoriteStateDto> {
    return this.social.favorite(user, id, true);
  }

  @Delete('albums/:id/favorite')
  @ApiOperation({ summary: 'Remove an artwork from my favourites (idempotent)' })
  @ApiOkResponse({ type: FavoriteStateDto })
  @ApiParam({ name: 'id', description: 'Artwork id' })
  @ApiErrors(401, 403, 404)
  unfavorite(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<FavoriteStateDto> {
    return this.social.favorite(user, id, false);
  }

  @Get('users/me/favorites')
  @ApiOperation({ summary: 'My favourites, most recent first' })
  @ApiOkResponse({ type: ArtworkCardPageDto })
  @ApiErrors(400, 401)
  favorites(@CurrentUser() user: AuthUser, @Query() page: PageQuery): Promise<ArtworkCardPageDto> {
    return this.social.favorites(user, page);
  }

  @Put('users/:username/follow')
  @ApiOperation({ summary: 'Follow a painter (idempotent)' })
  @ApiOkResponse({ type: FollowStateDto })
  @ApiParam({ name: 'username', description: 'The painter to follow (any case)' })
  @ApiErrors(400, 401, 403, 404)
  follow(@CurrentUser() user: AuthUser, @Param('username') username: string): Promise<FollowStateDto> {
    return this.social.follow(user, username, true);
  }

  @Delete('users/:username/follow')
  @ApiOperation({ summary: 'Stop following a painter (idempotent)' })
  @ApiOkResponse({ type: FollowStateDto })
  @ApiParam({ name: 'username', description: 'The painter to unfollow (any case)' })
  @ApiErrors(400, 401, 403, 404)
  unfollow(@CurrentUser() user: AuthUser, @Param('username') username: string): Promise<FollowStateDto> {
    return this.social.follow(user, username, false);
  }

  @Get('feed')
  @ApiOperation({ summary: 'Artworks of painters I follow, latest activity first' })
  @ApiOkResponse({ type: ArtworkCardPageDto })
  @ApiErrors(400, 401)
  feed(@CurrentUser() user: AuthUser, @Query() page: PageQuery): Promise<ArtworkCardPageDto> {
    return this.social.feed(user, page);
  }
}
