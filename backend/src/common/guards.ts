import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
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
