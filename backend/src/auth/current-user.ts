import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { UserEntity } from '../users/user.entity';

/** The signed-in user (use behind SignedInGuard). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): UserEntity =>
    ctx.switchToHttp().getRequest<Request>().user as UserEntity,
);

/** The signed-in user or null, for routes open to everyone that personalise their answer. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): UserEntity | null =>
    (ctx.switchToHttp().getRequest<Request>().user as UserEntity | undefined) ?? null,
);
