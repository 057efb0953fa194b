import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import type { DynamicModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AuthUser } from '../common/auth-user';
import { apiErrorFor } from '../common/api-exception.filter';
import { AppError } from '../common/app-error';
import { MEDIA_QUEUE } from './jobs';

/** Bull Board is for admins only: the same rule as AdminGuard, as express middleware. */
function adminOnly(req: Request, res: Response, next: NextFunction): void {
  const user = req.user as AuthUser | undefined;
  const error = !req.isAuthenticated?.()
    ? new AppError('UNAUTHENTICATED', 401, 'sign in first')
    : user?.role !== 'admin'
      ? new AppError('ADMIN_ONLY', 403, 'admins only')
      : null;
  if (!error) return next();
  res.status(error.getStatus()).json(apiErrorFor(error, req));
}

/** The queue dashboard at /api/admin/queues (Redis mode only: the in-process queue has no Bull). */
export function queueDashboard(): DynamicModule[] {
  return [
    BullBoardModule.forRoot({ route: '/admin/queues', adapter: ExpressAdapter, middleware: adminOnly }),
    BullBoardModule.forFeature({ name: MEDIA_QUEUE, adapter: BullAdapter }),
  ];
}
