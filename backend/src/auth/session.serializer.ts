import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PassportSerializer } from '@nestjs/passport';
import passport from 'passport';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { SessionUser } from '../session/session-login';

type Done<T> = (err: unknown, value?: T | false) => void;

/** Keeps only {id, authVersion} in the session; a stale authVersion (password changed) signs out. */
@Injectable()
export class SessionSerializer extends PassportSerializer implements OnModuleDestroy {
  constructor(private readonly users: UsersService) {
    super();
  }

  serializeUser(user: UserEntity, done: Done<SessionUser>): void {
    done(null, { id: user.id, v: user.authVersion });
  }

  deserializeUser(payload: SessionUser, done: Done<UserEntity>): void {
    this.users
      .findForSession(payload.id)
      // A suspended account's sessions are void at once, on every instance (suspension also bumps authVersion).
      .then((user) =>
        done(null, user && user.authVersion === payload.v && user.suspendedAt === null ? user : false),
      )
      .catch((err) => done(err));
  }

  /**
   * passport is a process-wide singleton that only ever appends (de)serializers. An app that
   * closes (a restart in tests, or a second app in one process) must take its own out, or the
   * next app would deserialize through this one's closed database.
   */
  onModuleDestroy(): void {
    const registry = passport as unknown as { _serializers: unknown[]; _deserializers: unknown[] };
    registry._serializers = [];
    registry._deserializers = [];
  }
}
