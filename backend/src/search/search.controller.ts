import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { LIMITS, type SearchResult } from '@gallery/contracts';
import { IsString, Length } from 'class-validator';
import { ArtworkCardDto } from '../artworks/responses';
import { CachedRead } from '../read-cache/cached-read';
import { ApiErrors } from '../common/api-errors';
import { UserSummaryDto } from '../users/responses';
import { OptionalUser } from '../common/current-user';
import type { AuthUser } from '../common/auth-user';
import { SearchService } from './search.service';

export class SearchQuery {
  @ApiProperty({
    minLength: LIMITS.searchQuery.min,
    maxLength: LIMITS.searchQuery.max,
    example: 'harbour',
    description: 'Words of a title or description, or the start of a username or display name',
  })
  @IsString()
  @Length(LIMITS.searchQuery.min, LIMITS.searchQuery.max, { message: 'q must be 1 to 100 characters' })
  q!: string;
}

export class SearchResultDto implements SearchResult {
  @ApiProperty({ type: [ArtworkCardDto] }) albums!: ArtworkCardDto[];
  @ApiProperty({ type: [UserSummaryDto] }) users!: UserSummaryDto[];
}

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @CachedRead()
  @ApiOperation({ summary: 'Public artworks and painters matching q (operators and quotes are plain text)' })
  @ApiOkResponse({ type: SearchResultDto })
  @ApiErrors(400)
  search(@OptionalUser() viewer: AuthUser | null, @Query() query: SearchQuery): Promise<SearchResultDto> {
    return this.searchService.search(query.q, viewer?.id ?? null);
  }
}
