import {
  applyDecorators,
  Injectable,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AppError } from './app-error';
import type { AuthUser } from './auth-user';

/** 401 unless the request carries a valid session. */
@Injectable()
export class SignedInGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.isAuthenticated()) throw signInFirst();
    return true;
  }
}

/** 401 when signed out, 403 unless the user is an admin. */
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.isAuthenticated()) throw signInFirst();
    if ((req.user as AuthUser).role !== 'admin') throw new AppError('ADMIN_ONLY', 403, 'admins only');
    return true;
  }
}

function signInFirst(): AppError {
  return new AppError('UNAUTHENTICATED', 401, 'sign in first');
}

/** Names of the security schemes common/swagger.ts declares. */
export const SESSION_SECURITY = 'session';
export const CSRF_SECURITY = 'csrf';

/**
 * SignedInGuard plus its Swagger security requirement (the session cookie), on a handler or a
 * controller: one decorator, so the docs cannot forget a guarded route.
 */
export function SignedIn(): ClassDecorator & MethodDecorator {
  return applyDecorators(UseGuards(SignedInGuard), ApiCookieAuth(SESSION_SECURITY));
}

/**
 * AdminGuard (401 signed out, 403 `ADMIN_ONLY` for others) plus the session requirement and the
 * 'admin' tag in Swagger, on a handler or a controller.
 */
export function AdminOnly(): ClassDecorator & MethodDecorator {
  return applyDecorators(UseGuards(AdminGuard), ApiCookieAuth(SESSION_SECURITY), ApiTags('admin'));
}
