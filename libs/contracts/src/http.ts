import type { ErrorCode } from './errors';

/** Every error the api answers with, whatever the route. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string | string[];
  /** Stable, machine-readable: switch on this, not on the message. */
  code: ErrorCode;
  /** The request's id (also its X-Request-Id header), to find its log lines. */
  requestId?: string;
}

/** A page of a list: pass nextCursor back as ?cursor= for the next one. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type HealthStatus = 'up' | 'down';
