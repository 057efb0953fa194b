import type { Request } from 'express';
import { AppError } from './app-error';

/** Seconds a client is asked to wait when a dependency (Redis) is down. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/** 503 UNAVAILABLE with Retry-After: something this request needs is down for now. */
export function unavailable(what = 'this is unavailable for a moment'): AppError {
  return new AppError('UNAVAILABLE', 503, `${what}, try again shortly`, UNAVAILABLE_RETRY_AFTER_S);
}

/**
 * True for errors that only mean "Redis is not answering right now" (down, restarting,
 * unreachable): the request is answered 503, not 500. Duck-typed on ioredis' errors so that
 * level-0 code needs no Redis import.
 */
export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    err.name === 'MaxRetriesPerRequestError' ||
    /Stream isn't writeable|Connection is closed|Command timed out|ECONNREFUSED|ECONNRESET|ETIMEDOUT/.test(
      err.message,
    )
  );
}

/** Set by the session middleware when the session store could not be read. */
const SESSION_UNAVAILABLE = Symbol('sessionUnavailable');

export function markSessionUnavailable(req: Request): void {
  (req as unknown as Record<symbol, boolean>)[SESSION_UNAVAILABLE] = true;
}

/** Whether this request was read as signed out because the session store was down. */
export function sessionUnavailable(req: Request): boolean {
  return (req as unknown as Record<symbol, boolean>)[SESSION_UNAVAILABLE] === true;
}
