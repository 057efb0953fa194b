import { SESSION_COOKIE } from '@gallery/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const READS = new Set(['GET', 'HEAD']);

/**
 * express-session, then passport's session restore, but only for requests that can have or make
 * a session. A read without the session cookie is anonymous whatever happens, and most traffic
 * (every signed-out page view, every image) is exactly that: skipping the two middlewares saves
 * their per-request work (a fresh session object, the end-of-response hash and save checks).
 * Writes always get a session, since signing in or registering creates one.
 */
export function sessionLayer(session: RequestHandler, restoreUser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const cookies = req.cookies as Record<string, string | undefined> | undefined;
    if (READS.has(req.method) && !cookies?.[SESSION_COOKIE]) return next();
    session(req, res, (err?: unknown) => (err ? next(err) : restoreUser(req, res, next)));
  };
}
