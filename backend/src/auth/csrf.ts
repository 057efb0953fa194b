import { CSRF, type ApiError } from '@gallery/contracts';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF double submit: any request without the readable XSRF-TOKEN cookie gets one; every
 * unsafe request must echo it in X-XSRF-TOKEN. A cross-site page can make the browser send the
 * cookie but cannot read it, so it cannot forge the header. Angular's HttpClient echoes it itself.
 */
export function csrfMiddleware(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const cookie = (req.cookies as Record<string, string | undefined>)[CSRF.cookie];
    if (!cookie) {
      res.cookie(CSRF.cookie, randomBytes(24).toString('base64url'), { sameSite: 'lax', secure, path: '/' });
    }
    if (SAFE_METHODS.has(req.method) || !req.path.startsWith('/api/')) return next();
    const header = req.get(CSRF.header);
    if (!cookie || !header || !sameToken(cookie, header)) {
      res.status(403).json({
        statusCode: 403,
        error: 'Forbidden',
        message: 'missing or wrong X-XSRF-TOKEN header',
        code: 'CSRF',
      } satisfies ApiError);
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
