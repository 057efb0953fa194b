import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Me, Profile } from '@gallery/contracts';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { ArtworkEntity } from '../artworks/artwork.entity';
import { isUniqueViolation } from '../database/errors';
import { FollowEntity } from '../social/follow.entity';
import { SearchIndexer } from '../search/search-indexer';
import { MediaStorage } from '../storage/media-storage';
import { renderAvatar } from './avatar';
import type { ChangePasswordDto, UpdateProfileDto } from './dto';
import { UserEntity } from './user.entity';
import { UserMapper } from './user.mapper';

@Injectable()
export class UsersService {
  readonly mapper: UserMapper;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly storage: MediaStorage,
    private readonly search: SearchIndexer,
  ) {
    this.mapper = new UserMapper(storage);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username: username.toLowerCase() });
  }

  /** Creates an account; 409 when the (lower-cased) name is taken, also under a race. */
  async create(input: { username: string; password: string; displayName?: string }): Promise<UserEntity> {
    if (await this.findByUsername(input.username)) throw usernameTaken();
    const user = this.users.create({
      username: input.username,
      displayName: input.displayName?.trim() || input.username,
      passwordHash: await hashPassword(input.password),
    });
    try {
      const saved = await this.users.save(user);
      await this.search.user(this.users.manager, saved);
      return saved;
    } catch (err) {
      if (isUniqueViolation(err)) throw usernameTaken();
      throw err;
    }
  }

  /** A painter's page header: counts are what the viewer can see (unlisted works only for the painter). */
  async profile(username: string, viewer: UserEntity | null): Promise<Profile> {
    const user = await this.findByUsername(username);
    if (!user) throw new NotFoundException('no painter by that name');
    const db = this.users.manager;
    const [albumCount, followerCount, followingCount, followedByMe] = await Promise.all([
      db.countBy(
        ArtworkEntity,
        viewer?.id === user.id ? { ownerId: user.id } : { ownerId: user.id, visibility: 'public' },
      ),
      db.countBy(FollowEntity, { followeeId: user.id }),
      db.countBy(FollowEntity, { followerId: user.id }),
      viewer ? db.existsBy(FollowEntity, { followerId: viewer.id, followeeId: user.id }) : false,
    ]);
    return this.mapper.profile(user, { albumCount, followerCount, followingCount, followedByMe });
  }

  async updateProfile(user: UserEntity, dto: UpdateProfileDto): Promise<Me> {
    if (dto.username !== undefined && dto.username !== user.username) {
      const holder = await this.findByUsername(dto.username);
      if (holder && holder.id !== user.id) throw usernameTaken();
      user.username = dto.username;
    }
    if (dto.displayName !== undefined) user.displayName = dto.displayName;
    if (dto.bio !== undefined) user.bio = dto.bio;
    try {
      await this.users.save(user);
    } catch (err) {
      if (isUniqueViolation(err)) throw usernameTaken();
      throw err;
    }
    await this.search.user(this.users.manager, user);
    return this.mapper.me(user);
  }

  /** Sets the new password and bumps authVersion, which signs out every other session. */
  async changePassword(user: UserEntity, dto: ChangePasswordDto): Promise<UserEntity> {
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw new ForbiddenException('current password is wrong');
    }
    user.passwordHash = await hashPassword(dto.newPassword);
    user.authVersion += 1;
    return this.users.save(user);
  }

  /** Stores the new avatar first, then deletes the old one, so a failure never leaves none. */
  async setAvatar(user: UserEntity, upload: Buffer): Promise<Me> {
    const webp = await renderAvatar(upload);
    const key = `avatars/${user.id}-${randomBytes(12).toString('base64url')}.webp`;
    await this.storage.put(key, webp, 'image/webp');
    const old = user.avatarKey;
    user.avatarKey = key;
    await this.users.save(user);
    if (old) await this.storage.delete(old);
    return this.mapper.me(user);
  }
}

function usernameTaken(): ConflictException {
  return new ConflictException('username is taken');
}
