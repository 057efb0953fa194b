import { Injectable } from '@nestjs/common';
import type { Me, Profile, UserSummary } from '@gallery/contracts';
import { MediaStorage } from '../storage/media-storage';
import type { AuthUser } from '../common/auth-user';
import type { UserEntity } from './user.entity';

/** Turns user rows into the API's shapes; entities never leave the service layer. */
@Injectable()
export class UserMapper {
  constructor(private readonly storage: MediaStorage) {}

  /** Any row with these columns will do: a card query selects just them. */
  summary(user: Pick<UserEntity, 'id' | 'username' | 'displayName' | 'avatarKey'>): UserSummary {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      avatarUrl: user.avatarKey ? this.storage.url(user.avatarKey) : null,
    };
  }

  me(user: AuthUser): Me {
    return { ...this.summary(user), bio: user.bio, role: user.role, createdAt: user.createdAt.toISOString() };
  }

  profile(user: UserEntity, counts: Omit<Profile, keyof UserSummary | 'bio' | 'createdAt'>): Profile {
    return { ...this.summary(user), bio: user.bio, createdAt: user.createdAt.toISOString(), ...counts };
  }
}
