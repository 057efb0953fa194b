import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import { defaultErrorCode, type ApiError } from '@gallery/contracts';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { AppError } from './app-error';
import { isRedisUnavailable, sessionUnavailable, unavailable } from './unavailable';

/** Maps every error to `{ statusCode, error, message, code }`; unexpected ones are logged and hidden. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(thrown: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    // Redis down: a 503 to retry later, not a 500. A 401 while the session store could not be
    // read is not "signed out" either: the session may well exist.
    const exception =
      isRedisUnavailable(thrown) ||
      (sessionUnavailable(req) && thrown instanceof HttpException && thrown.getStatus() === 401)
        ? unavailable()
        : thrown;
    const body = apiErrorFor(exception, req);
    // A 503 is a known state (Redis down), logged once by the connection, not per request.
    if (body.statusCode >= 500 && body.code !== 'UNAVAILABLE')
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // Rate limits that know when the caller may try again say so, as the HTTP throttler does.
    const retryAfter = (exception as { retryAfter?: unknown } | null)?.retryAfter;
    if (typeof retryAfter === 'number' && !res.headersSent) res.setHeader('Retry-After', String(retryAfter));
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }
}

/** Also used by the express-level handler for errors raised before Nest's router (body parsing). */
export function toApiError(exception: unknown): ApiError {
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : ((response as { message?: string | string[] }).message ?? exception.message);
    const code = exception instanceof AppError ? exception.code : defaultErrorCode(statusCode);
    return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, code };
  }
  // body-parser and multer errors carry an HTTP status of their own.
  const status = (exception as { status?: unknown; statusCode?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (exception as { type?: string }).type;
    const message =
      type === 'entity.too.large'
        ? 'request body is too large'
        : type === 'entity.parse.failed'
          ? 'request body is not valid JSON'
          : ((exception as Error).message ?? 'bad request');
    const code = type === 'entity.parse.failed' ? 'VALIDATION_FAILED' : defaultErrorCode(status);
    return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, code };
  }
  const statusCode = HttpStatus.INTERNAL_SERVER_ERROR;
  return {
    statusCode,
    error: STATUS_CODES[statusCode]!,
    message: 'something went wrong on our side',
    code: 'INTERNAL',
  };
}

/**
 * The error body for a request, with its request id (the id of its log line) when it has one: for
 * the filter and for middleware that answers before Nest's router (payload shape, sessions, queues).
 */
export function apiErrorFor(exception: unknown, req: unknown): ApiError {
  const body = toApiError(exception);
  const id = (req as { id?: unknown } | null)?.id;
  if (typeof id === 'string') body.requestId = id;
  return body;
}
