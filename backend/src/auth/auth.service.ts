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
}
