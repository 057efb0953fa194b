import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Me, Profile } from '@gallery/contracts';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { isUniqueViolation } from '../database/errors';
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
      return await this.users.save(user);
    } catch (err) {
      if (isUniqueViolation(err)) throw usernameTaken();
      throw err;
    }
  }

  async profile(username: string): Promise<Profile> {
    const user = await this.findByUsername(username);
    if (!user) throw new NotFoundException('no painter by that name');
    // Artworks and follows arrive with their own modules; until then the counts are zero.
    return this.mapper.profile(user, {
      albumCount: 0,
      followerCount: 0,
      followingCount: 0,
      followedByMe: false,
    });
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
