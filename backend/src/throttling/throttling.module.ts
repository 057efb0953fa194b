import { Injectable, Module, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import {
  ThrottlerException,
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerLimitDetail,
} from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { renderCallVisitor } from '../common/render-calls';
import { AppConfig } from '../config/app-config';
import { REDIS, type RedisClient } from '../redis/redis.module';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const AUTH_LIMITED = 'gallery:auth-limited';
const FIVE_MINUTES = 5 * 60 * 1000;

const PASSWORD_LIMITED = 'gallery:password-limited';

/** Marks sign-in and registration: limited per IP and per username on top of the general limit. */
export const AuthRateLimit = () => SetMetadata(AUTH_LIMITED, true);

/**
 * Marks routes that check the signed-in user's password (changing it): guesses are limited per
 * account and per IP (sharing sign-in's per-IP budget), so a stolen session cannot brute-force it.
 */
export const PasswordRateLimit = () => SetMetadata(PASSWORD_LIMITED, true);

const reflector = new Reflector();
const notAuthRoute = (ctx: ExecutionContext) => !reflector.get<boolean>(AUTH_LIMITED, ctx.getHandler());
const notPasswordRoute = (ctx: ExecutionContext) =>
  !reflector.get<boolean>(PASSWORD_LIMITED, ctx.getHandler());
const accountOf = (req: Request) => (req.user as { id?: string } | undefined)?.id ?? `ip:${req.ip}`;
const usernameOf = (req: Request) =>
  String((req.body as { username?: unknown } | undefined)?.username ?? '')
    .trim()
    .toLowerCase();

/** Answers 429 with a plain Retry-After header (seconds) and a message a person can act on. */
@Injectable()
export class GalleryThrottlerGuard extends ThrottlerGuard {
  /** HTTP only: socket messages have no req.ip; the chat gateway limits per user itself. */
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http' || super.shouldSkip(context);
  }

  /** Per IP; a server-side render's call counts for the visitor it renders for (common/render-calls.ts). */
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return renderCallVisitor(req as unknown as Request) ?? super.getTracker(req);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new ThrottlerException(`too many requests, try again in ${seconds} seconds`);
  }
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [REDIS, AppConfig],
      useFactory: (redis: RedisClient, config: AppConfig) => ({
        storage: redis ? new RedisThrottlerStorage(redis) : undefined,
        throttlers: [
          // Generous: a person browsing never meets it; a script hammering the api does.
          { name: 'default', ttl: 60_000, limit: 1200 },
          {
            name: 'auth-ip',
            ttl: FIVE_MINUTES,
            limit: config.rateLimit.authPerIp,
            skipIf: (ctx) => notAuthRoute(ctx) && notPasswordRoute(ctx),
          },
          {
            name: 'auth-user',
            ttl: FIVE_MINUTES,
            limit: config.rateLimit.authPerUsername,
            skipIf: notAuthRoute,
            getTracker: (req: Record<string, unknown>) => `user:${usernameOf(req as unknown as Request)}`,
          },
          {
            name: 'password-account',
            ttl: FIVE_MINUTES,
            limit: config.rateLimit.authPerUsername,
            skipIf: notPasswordRoute,
            getTracker: (req: Record<string, unknown>) => `account:${accountOf(req as unknown as Request)}`,
          },
        ],
      }),
    }),
  ],
  // The guard itself too: the read cache's fast lane counts the very same limits.
  providers: [{ provide: APP_GUARD, useClass: GalleryThrottlerGuard }, GalleryThrottlerGuard],
  exports: [GalleryThrottlerGuard],
})
export class ThrottlingModule {}
