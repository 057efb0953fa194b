import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from './auth-user';

/** 401 unless the request carries a valid session. */
@Injectable()
export class SignedInGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.isAuthenticated()) throw new UnauthorizedException('sign in first');
    return true;
  }
}

/** 401 when signed out, 403 unless the user is an admin. */
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.isAuthenticated()) throw new UnauthorizedException('sign in first');
    if ((req.user as AuthUser).role !== 'admin') throw new ForbiddenException('admins only');
    return true;
  }
}
