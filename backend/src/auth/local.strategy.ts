import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { AuthService } from './auth.service';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly auth: AuthService) {
    super();
  }

  async validate(username: string, password: string): Promise<AuthUser> {
    const user = await this.auth.checkCredentials(username, password);
    if (!user) throw new AppError('INVALID_CREDENTIALS', 401, 'wrong username or password');
    // Only after the password matched: a wrong guess never learns that an account is suspended.
    const active = await this.auth.endExpiredSuspension(user);
    if (!active) {
      const until = user.suspendedUntil ? ` until ${new Date(user.suspendedUntil).toISOString()}` : '';
      throw new AppError(
        'SUSPENDED',
        403,
        `account suspended${until}: ${user.suspendedReason ?? 'no reason given'}`,
      );
    }
    return user;
  }
}
