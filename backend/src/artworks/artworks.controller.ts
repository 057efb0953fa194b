import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, OptionalUser } from '../common/current-user';
import { SignedIn } from '../common/guards';
import { ApiErrors } from '../common/api-errors';
import { CachedRead } from '../read-cache/cached-read';
import { PageQuery } from '../common/pagination';
import type { AuthUser } from '../common/auth-user';
import { ArtworksService } from './artworks.service';
import { CreateArtworkDto, UpdateArtworkDto } from './dto';
import { ExploreQuery } from './explore-query';
import { ExploreService } from './explore.service';
import { ArtworkCardPageDto, ArtworkDto } from './responses';

@ApiTags('albums')
@Controller()
export class ArtworksController {
  constructor(
    private readonly albums: ArtworksService,
    private readonly explorer: ExploreService,
  ) {}

  @Post('albums')
  @SignedIn()
  @ApiOperation({ summary: 'Create an artwork (stages are uploaded to it next)' })
  @ApiCreatedResponse({ type: ArtworkDto })
  @ApiErrors(400, 401, 403)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateArtworkDto): Promise<ArtworkDto> {
    return this.albums.create(user, dto);
  }

  @Get('albums')
  @CachedRead()
  @ApiOperation({
    summary: 'Explore public artworks: recent, popular (likes weighted by age), or by colour (hue)',
  })
  @ApiOkResponse({ type: ArtworkCardPageDto })
  @ApiErrors(400)
  explore(
    @OptionalUser() viewer: AuthUser | null,
    @Query() query: ExploreQuery,
  ): Promise<ArtworkCardPageDto> {
    return this.explorer.explore(query, viewer?.id ?? null);
  }

  @Get('albums/:id')
  @CachedRead()
  @ApiOperation({ summary: 'One artwork with its stages in order (unlisted: owner only)' })
  @ApiOkResponse({ type: ArtworkDto })
  @ApiParam({ name: 'id', description: 'Artwork id' })
  @ApiErrors(404)
  get(@OptionalUser() viewer: AuthUser | null, @Param('id') id: string): Promise<ArtworkDto> {
    return this.albums.get(viewer, id);
  }

  @Get('shared/:shareCode')
  @ApiOperation({ summary: 'An artwork by its share code, listed or not' })
  @ApiOkResponse({ type: ArtworkDto })
  @ApiParam({ name: 'shareCode', description: 'The code from a share link (/s/:shareCode)' })
  @ApiErrors(404)
  shared(@OptionalUser() viewer: AuthUser | null, @Param('shareCode') code: string): Promise<ArtworkDto> {
    return this.albums.getShared(viewer, code);
  }

  @Patch('albums/:id')
  @SignedIn()
  @ApiOperation({ summary: 'Rename, describe, change visibility, pin or unpin (null) the cover' })
  @ApiOkResponse({ type: ArtworkDto })
  @ApiParam({ name: 'id', description: 'Artwork id' })
  @ApiErrors(400, 401, 403, 404)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdateArtworkDto,
  ): Promise<ArtworkDto> {
    return this.albums.update(user, id, dto);
  }

  @Delete('albums/:id')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Delete the artwork and its images' })
  @ApiNoContentResponse({ description: 'Deleted, with its images' })
  @ApiParam({ name: 'id', description: 'Artwork id' })
  @ApiErrors(401, 403, 404)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.albums.remove(user, id);
  }

  @Get('users/:username/albums')
  @CachedRead()
  @ApiOperation({ summary: "A painter's artworks, newest first (the painter also sees unlisted ones)" })
  @ApiOkResponse({ type: ArtworkCardPageDto })
  @ApiParam({ name: 'username', description: 'The painter (any case)' })
  @ApiErrors(400, 404)
  byPainter(
    @OptionalUser() viewer: AuthUser | null,
    @Param('username') username: string,
    @Query() page: PageQuery,
  ): Promise<ArtworkCardPageDto> {
    return this.albums.listByOwner(viewer, username, page);
  }
}
