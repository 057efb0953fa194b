import type { EntityManager } from 'typeorm';
import { dialectSql, toDate } from '../database/dialect';
import { UserEntity } from './user.entity';
import { readRows } from '../database/plain-reads';

const USER_SQL =
  'SELECT "id", "username", "displayName", "bio", "passwordHash", "role", "avatarKey", "authVersion", ' +
  '"suspendedAt", "suspendedReason", "suspendedUntil", "searchText", "createdAt", "updatedAt" ' +
  'FROM "users" WHERE "id" = ?';

type Raw = Record<string, unknown>;

/**
 * The signed-in user of every request with a session, read by one plain statement and shaped into
 * a real UserEntity (handlers edit and save it). TypeORM's findOneBy cost more CPU than the read
 * itself on this path (bench/read). Keep the column list in step with UserEntity: users.spec
 * reads every field of /api/users/me back after a sign-in.
 */
export class UserRows {
  private readonly sql: string;

  constructor(private readonly manager: EntityManager) {
    this.sql = dialectSql(manager, USER_SQL);
  }

  async byId(id: string): Promise<UserEntity | null> {
    const [r] = await readRows<Raw>(this.manager, this.sql, [id]);
    if (!r) return null;
    return Object.assign(new UserEntity(), {
      id: r.id as string,
      username: r.username as string,
      displayName: r.displayName as string,
      bio: r.bio as string,
      passwordHash: r.passwordHash as string,
      role: r.role as UserEntity['role'],
      avatarKey: r.avatarKey as string | null,
      authVersion: Number(r.authVersion),
      // bigint Unix ms: mysql2 returns strings (see UNIX_MS).
      suspendedAt: r.suspendedAt === null ? null : Number(r.suspendedAt),
      suspendedReason: r.suspendedReason as string | null,
      suspendedUntil: r.suspendedUntil === null ? null : Number(r.suspendedUntil),
      searchText: r.searchText as string,
      createdAt: toDate(r.createdAt as Date | string),
      updatedAt: toDate(r.updatedAt as Date | string),
    });
  }
}
