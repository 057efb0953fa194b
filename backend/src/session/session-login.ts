import type { Request } from 'express';
import type { AuthUser } from '../common/auth-user';

/** How long "remember me" keeps a session: 30 days from the last visit. */
export const REMEMBER_MS = 30 * 24 * 60 * 60 * 1000;

/** The session's user reference; `v` must match users.authVersion or the session is void. */
export interface SessionUser {
  id: string;
  v: number;
}

/**
 * Puts the user in the session. Passport regenerates the session id on login (no fixation).
 * `remember` turns the browser-session cookie into a 30-day one; undefined keeps the current choice.
 */
export async function signIn(req: Request, user: AuthUser, remember?: boolean): Promise<void> {
  const keep = remember ?? req.session?.cookie.maxAge != null;
  await new Promise<void>((resolve, reject) => req.login(user, (err) => (err ? reject(err) : resolve())));
  req.session.cookie.maxAge = keep ? REMEMBER_MS : undefined;
}

/** Ends this session (server side too) so the cookie is worthless even if kept. */
export async function signOut(req: Request): Promise<void> {
  await new Promise<void>((resolve, reject) => req.logout((err) => (err ? reject(err) : resolve())));
  await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
}
