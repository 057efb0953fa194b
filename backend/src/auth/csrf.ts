import { CSRF } from '@gallery/contracts';
import { apiErrorFor } from '../common/api-exception.filter';
import { AppError } from '../common/app-error';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { csrfTokens, PRE_SESSION_COOKIE, PRE_SESSION_VALUE } from '../session/csrf-tokens';
import onHeaders from 'on-headers';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * OWASP's signed double-submit cookie: the readable XSRF-TOKEN cookie holds
 * `nonce.HMAC(secret, binding + nonce)`, and every unsafe request must echo it in X-XSRF-TOKEN.
 * The binding is the session id once signed in, otherwise an HttpOnly pre-session value, so a
 * token planted through a sibling domain (or minted for the attacker's own session) is refused.
 * Whenever the binding changes (sign-in regenerates the session id, sign-out drops it) the
 * response carries a fresh token; Angular's HttpClient reads the cookie on every request.
 * Runs after the session and passport middlewares, which set req.sessionID and req.user.
 */
export function csrfMiddleware(secret: string, secure: boolean) {
  const { mint, validFor } = csrfTokens(secret);

  return (req: Request, res: Response, next: NextFunction): void => {
    const cookies = req.cookies as Record<string, string | undefined>;
    let preSession = cookies[PRE_SESSION_COOKIE];
    if (!preSession || !PRE_SESSION_VALUE.test(preSession)) {
      preSession = randomBytes(24).toString('base64url');
      res.cookie(PRE_SESSION_COOKIE, preSession, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    }
    // Read when used: the handler may sign in or out before the response goes out.
    const binding = () => (req.user && req.session ? `session:${req.sessionID}` : `pre:${preSession}`);
    const cookie = cookies[CSRF.cookie];
    onHeaders(res, () => {
      const now = binding();
      if (!validFor(cookie, now)) res.cookie(CSRF.cookie, mint(now), { sameSite: 'lax', secure, path: '/' });
    });
    if (SAFE_METHODS.has(req.method) || !req.path.startsWith('/api/')) return next();
    const header = req.get(CSRF.header);
    if (!cookie || !header || !sameToken(cookie, header) || !validFor(cookie, binding())) {
      res
        .status(403)
        .json(apiErrorFor(new AppError('CSRF', 403, 'missing or wrong X-XSRF-TOKEN header'), req));
      return;
    }
    next();
  };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
