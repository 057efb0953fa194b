import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Me, Role } from '@gallery/contracts';
import { randomBytes } from 'node:crypto';
import { In, Repository, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/errors';
import { DomainEvents } from '../events/domain-events';
import { MediaStorage } from '../storage/media-storage';
import { StorageDeletions } from '../storage/storage-deletions';
import { renderAvatar } from './avatar';
import { hashPassword, verifyPassword } from './passwords';
import type { ChangePasswordDto, UpdateProfileDto } from './dto';
import { UserEntity } from './user.entity';
import { UserErrors } from './user.errors';
import { UserMapper } from './user.mapper';
import { UserRows } from './user-rows';

@Injectable()
export class UsersService {
  private readonly rows: UserRows;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly storage: MediaStorage,
    private readonly deletions: StorageDeletions,
    private readonly mapper: UserMapper,
    private readonly events: DomainEvents,
  ) {
    this.rows = new UserRows(users.manager);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** The session's user on every signed-in request: the same entity as findById, read cheaply. */
  findForSession(id: string): Promise<UserEntity | null> {
    return this.rows.byId(id);
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username: username.toLowerCase() });
  }

  /** The accounts among `ids` that exist, in no particular order. */
  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.users.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** The accounts among these (lower-case) usernames that exist, in no particular order. */
  findByUsernames(usernames: string[]): Promise<UserEntity[]> {
    return usernames.length ? this.users.findBy({ username: In(usernames) }) : Promise.resolve([]);
  }

  /** Usernames starting with `prefix` (a LIKE pattern, '!'-escaped), shortest first. */
  findByUsernamePrefix(pattern: string, limit: number): Promise<UserEntity[]> {
    return this.users
      .createQueryBuilder('u')
      .where("u.username LIKE :pattern ESCAPE '!'", { pattern })
      .orderBy('LENGTH(u.username)', 'ASC')
      .addOrderBy('u.username', 'ASC')
      .take(limit)
      .getMany();
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
      return await this.users.manager.transaction(async (tx) => {
        const saved = await tx.save(user);
        await this.events.publish(tx, 'painter.changed', { userId: saved.id });
        return saved;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw usernameTaken();
      throw err;
    }
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
      await this.users.manager.transaction(async (tx) => {
        await tx.save(user);
        await this.events.publish(tx, 'painter.changed', { userId: user.id });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw usernameTaken();
      throw err;
    }
    return this.mapper.me(user);
  }

  /** Sets the new password and bumps authVersion, which signs out every other session. */
  async changePassword(user: UserEntity, dto: ChangePasswordDto): Promise<UserEntity> {
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw UserErrors.wrongPassword();
    }
    user.passwordHash = await hashPassword(dto.newPassword);
    user.authVersion += 1;
    return this.users.save(user);
  }

  /**
   * Suspends (with a reason and an optional end) or lifts (null) a suspension. Suspending also bumps
   * authVersion, so every session of the account is void on its next request on any instance.
   */
  async setSuspension(
    tx: EntityManager | null,
    userId: string,
    suspension: { reason: string; until: number | null } | null,
  ): Promise<void> {
    const repo = (tx ?? this.users.manager).getRepository(UserEntity);
    if (!suspension) {
      await repo.update({ id: userId }, { suspendedAt: null, suspendedReason: null, suspendedUntil: null });
      return;
    }
    await repo.update(
      { id: userId },
      { suspendedAt: Date.now(), suspendedReason: suspension.reason, suspendedUntil: suspension.until },
    );
    await repo.increment({ id: userId }, 'authVersion', 1);
  }

  /** Sets the role; refuses to leave the instance without an admin. */
  async setRole(tx: EntityManager, user: UserEntity, role: Role): Promise<void> {
    if (user.role === 'admin' && role !== 'admin') {
      // Locks the admins' rows (InnoDB) so two demotions cannot both see "another admin is left".
      const query = tx
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .where('u.role = :role', { role: 'admin' });
      // SQLite has no row locks and needs none: it serialises writers.
      if (tx.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
      const admins = await query.getMany();
      if (admins.filter((a) => a.id !== user.id).length === 0) throw UserErrors.lastAdmin();
    }
    await tx.getRepository(UserEntity).update({ id: user.id }, { role });
    user.role = role;
  }

  /**
   * Stores the new avatar first, then switches to it and records the old one's deletion in one
   * transaction, so a failure never leaves none and a crash never leaves the old one forever.
   */
  async setAvatar(user: UserEntity, upload: Buffer): Promise<Me> {
    const webp = await renderAvatar(upload);
    const key = `avatars/${user.id}-${randomBytes(12).toString('base64url')}.webp`;
    await this.storage.put(key, webp, 'image/webp');
    const old = user.avatarKey;
    user.avatarKey = key;
    const deletions = await this.users.manager.transaction(async (tx) => {
      await tx.save(user);
      return this.deletions.record(tx, old ? [old] : []);
    });
    await this.deletions.dispatch(deletions);
    return this.mapper.me(user);
  }
}

const usernameTaken = UserErrors.usernameTaken;
