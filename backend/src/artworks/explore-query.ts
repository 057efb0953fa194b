import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ArtworkSort } from '@gallery/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '../common/pagination';

export class ExploreQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ['recent', 'popular'],
    default: 'recent',
    description: 'recent: newest first; popular: likes weighted by age',
  })
  @IsOptional()
  @IsIn(['recent', 'popular'], { message: 'sort must be recent or popular' })
  sort: ArtworkSort = 'recent';

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 359,
    description: 'Artworks with a colour within ±15° of this hue, heaviest first',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'hue must be a whole number from 0 to 359' })
  @Min(0, { message: 'hue must be a whole number from 0 to 359' })
  @Max(359, { message: 'hue must be a whole number from 0 to 359' })
  hue?: number;
}
