import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SESSION_COOKIE } from '@gallery/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { DataSource } from 'typeorm';
import { apiErrorFor } from '../common/api-exception.filter';
import { isRedisUnavailable, markSessionUnavailable, unavailable } from '../common/unavailable';
import { AppConfig } from '../config/app-config';
import { REDIS, type RedisClient } from '../redis/redis.module';
import { SessionEntity } from './session.entity';
import { createSessionStore } from './session-store';

/** Injection token of the express-session middleware, shared by REST and the Socket.IO handshake. */
export const SESSION_MIDDLEWARE = Symbol('SESSION_MIDDLEWARE');

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity])],
  providers: [
    {
      provide: SESSION_MIDDLEWARE,
      inject: [AppConfig, REDIS, DataSource],
      useFactory: (config: AppConfig, redis: RedisClient, dataSource: DataSource): RequestHandler =>
        tolerateStoreOutage(
          session({
            name: SESSION_COOKIE,
            secret: config.sessionSecret,
            store: createSessionStore(redis, dataSource),
            resave: false,
            saveUninitialized: false,
            rolling: true,
            cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: undefined },
          }),
          SESSION_COOKIE,
        ),
    },
  ],
  exports: [SESSION_MIDDLEWARE],
})
export class SessionModule {}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * When the session store (Redis) cannot be read, reads go on as signed out, at once, so public
 * pages keep working through an outage; writes (which need to know who is asking) and the
 * routes that need a signed-in user (see ApiExceptionFilter) answer 503 UNAVAILABLE with
 * Retry-After. The session itself is untouched: it works again when Redis is back. A save or
 * touch that fails after the answer was sent is dropped.
 */
function tolerateStoreOutage(middleware: RequestHandler, cookieName: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    middleware(req, res, (err?: unknown) => {
      if (!err || !isRedisUnavailable(err)) return next(err);
      // express-session saves or touches the session as the answer goes out and reports a failure
      // a tick later, through this same callback: the answer stands, only the session's new expiry
      // (or change) was not stored. Answering again would throw ERR_HTTP_HEADERS_SENT and end the
      // process.
      if (res.headersSent) return;
      markSessionUnavailable(req);
      if (!SAFE_METHODS.has(req.method)) {
        const error = unavailable();
        res.setHeader('Retry-After', String(error.retryAfter));
        res.status(503).json(apiErrorFor(error, req));
        return;
      }
      // Once more without the session cookie: a fresh, unsaved session (never written, since it
      // stays unmodified), so passport reads the request as signed out. The cookie is kept.
      // express-session reads the header and, for cookie-parser's sake, req.cookies.
      const header = req.headers.cookie;
      const cookies = req.cookies as Record<string, string> | undefined;
      const parsed = cookies?.[cookieName];
      req.headers.cookie = withoutCookie(header, cookieName);
      if (cookies) delete cookies[cookieName];
      middleware(req, res, (again?: unknown) => {
        req.headers.cookie = header;
        if (cookies && parsed !== undefined) cookies[cookieName] = parsed;
        next(again);
      });
    });
}

function withoutCookie(header: string | undefined, name: string): string | undefined {
  return header
    ?.split(';')
    .filter((part) => part.trim().split('=')[0] !== name)
    .join(';');
}
