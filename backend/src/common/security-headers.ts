import type { RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityHeaderOptions {
  /** Where media is served from when it is not this origin (S3's public URL), for img-src. */
  s3Origin: string | null;
  /** Served over https: browsers upgrade the page's http subresources. */
  https: boolean;
}

/**
 * helmet's security headers (CSP, HSTS, frame, referrer, cross-origin policies…) on every answer.
 * helmet stays the authority on what they are, but its 12 middlewares, each rebuilding its header
 * and calling the next, ran on every request to produce the same strings: here helmet runs once,
 * at startup, against a recorder, and the one middleware left replays what it did. Exact because
 * none of these options depends on the request (a CSP directive given as a function would).
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const { set, removed } = recordHelmet({
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'blob:', ...(options.s3Origin ? [options.s3Origin] : [])],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'upgrade-insecure-requests': options.https ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  return (_req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

function recordHelmet(options: HelmetOptions): { set: [string, string][]; removed: string[] } {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string) => void set.push([name, value]),
    removeHeader: (name: string) => void removed.push(name),
  };
  let done = false;
  helmet(options)({} as never, recorder as unknown as Response, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error(String(err));
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be precomputed');
  return { set, removed };
}
