import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors';
import type { AuthUser } from '../common/auth-user';
import { OptionalUser } from '../common/current-user';
import { ProfileDto } from '../users/responses';
import { SocialService } from './social.service';

/** A painter's page header: the account with its follower and artwork counts. */
@ApiTags('users')
@Controller('users')
export class ProfilesController {
  constructor(private readonly social: SocialService) {}

  @Get(':username')
  @ApiOperation({ summary: "A painter's public profile" })
  @ApiOkResponse({ type: ProfileDto })
  @ApiParam({ name: 'username', description: 'Username (any case)' })
  @ApiErrors(404)
  profile(@OptionalUser() viewer: AuthUser | null, @Param('username') username: string): Promise<ProfileDto> {
    return this.social.profile(username, viewer);
  }
}
