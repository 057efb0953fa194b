import type { Role } from '@gallery/contracts';

/**
 * The signed-in principal as features see it: who is asking and with which role. The session
 * layer fills it from the users table; features never need the whole user row to decide access.
 */
export interface AuthUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly bio: string;
  readonly role: Role;
  readonly avatarKey: string | null;
  /** Bumped by a password change: sessions and sockets minted before it are void. */
  readonly authVersion: number;
  readonly createdAt: Date;
}
