import { ApiProperty } from '@nestjs/swagger';
import type { BlockedUser, Me, Profile, Role, SessionState, UserSummary } from '@gallery/contracts';

/** Swagger descriptions of the response shapes; `implements` keeps them in step with contracts. */
export class UserSummaryDto implements UserSummary {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'anna' }) username!: string;
  @ApiProperty({ example: 'Anna Ancher' }) displayName!: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl!: string | null;
}

export class MeDto extends UserSummaryDto implements Me {
  @ApiProperty() bio!: string;
  @ApiProperty({ enum: ['user', 'admin'] }) role!: Role;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ProfileDto extends UserSummaryDto implements Profile {
  @ApiProperty() bio!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() albumCount!: number;
  @ApiProperty() followerCount!: number;
  @ApiProperty() followingCount!: number;
  @ApiProperty() followedByMe!: boolean;
}

export class SessionStateDto implements SessionState {
  @ApiProperty({ type: MeDto, nullable: true, description: 'null when nobody is signed in' })
  me!: MeDto | null;
}

export class BlockedUserDto extends UserSummaryDto implements BlockedUser {
  @ApiProperty({ format: 'date-time' }) blockedAt!: string;
}
