import type { NextFunction, Request, Response } from 'express';
import { httpDuration } from './metrics';

/**
 * Times every /api request. The label is the route pattern (`/api/albums/:id`), not the raw URL,
 * so the number of series stays bounded; requests no route matched are `unmatched`.
 */
export function httpMetrics(req: Request, res: Response, next: NextFunction): void {
  if (!req.originalUrl.startsWith('/api/')) return next();
  const end = httpDuration.startTimer();
  res.on('finish', () => {
    const pattern = (req.route as { path?: string } | undefined)?.path;
    const route = pattern ? `${req.baseUrl}${pattern}` : 'unmatched';
    end({ method: req.method, route, status: String(res.statusCode) });
  });
  next();
}
