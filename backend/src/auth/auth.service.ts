import { Injectable } from '@nestjs/common';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { verifyPassword } from '../users/passwords';

@Injectable()
export class AuthService {
  constructor(private readonly users: UsersService) {}

  /** The user when the password matches; null otherwise, in about the same time either way. */
  async checkCredentials(username: string, password: string): Promise<UserEntity | null> {
    const user = await this.users.findByUsername(username.trim());
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    return ok ? user : null;
  }

  /** True when the account may sign in: not suspended, or its suspension has run out (lifted here). */
  async endExpiredSuspension(user: UserEntity): Promise<boolean> {
    if (user.suspendedAt === null) return true;
    if (user.suspendedUntil === null || user.suspendedUntil > Date.now()) return false;
    await this.users.setSuspension(null, user.id, null);
    user.suspendedAt = null;
    return true;
  }
}
