import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '@gallery/contracts';

/**
 * An error a user can cause, with its HTTP status and stable code. Each module subclasses it and
 * names its errors in one `*.errors.ts` file, so the codes a route can answer are found in one place.
 */
export class AppError extends HttpException {
  constructor(
    readonly code: ErrorCode,
    status: number,
    message: string | string[],
    /** Seconds until a retry may succeed (429, 503), sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super({ message }, status);
  }
}

/** 400 VALIDATION_FAILED with every message, for the pipe, guards and gateways alike. */
export function validationFailed(messages: string[]): AppError {
  return new AppError('VALIDATION_FAILED', 400, messages);
}
