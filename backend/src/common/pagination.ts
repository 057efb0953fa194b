import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS } from '@gallery/contracts';

/** `?limit=1..100&cursor=…` as docs/api.md defines lists. */
export class PageQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: LIMITS.page.maxLimit,
    default: LIMITS.page.defaultLimit,
    description: 'Items per page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.page.maxLimit)
  limit: number = LIMITS.page.defaultLimit;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  // No length rule: anything not handed out as nextCursor is INVALID_CURSOR (common/cursor.ts).
  @IsOptional()
  @IsString()
  cursor?: string;
}
