import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@gallery/contracts';

/** Messages a caller prefers for particular statuses, e.g. `{ 401: 'Wrong username or password' }`. */
export type StatusMessages = Partial<Record<number, string>>;

const FALLBACKS: StatusMessages = {
  0: 'Can’t reach Gallery. Check your connection and try again.',
  400: 'Please check what you entered.',
  401: 'Please sign in first.',
  403: 'You’re not allowed to do that.',
  404: 'We couldn’t find that.',
  409: 'That clashes with something that already exists.',
  413: 'That file is too large.',
  415: 'That’s not a supported image.',
};

const SERVER_TROUBLE = 'Something went wrong on our side. Please try again in a moment.';

/**
 * Turns whatever a failed request threw into one sentence a person can act on.
 * The api answers errors as {@link ApiError}; `message` may be a list (one entry per invalid field).
 */
export function describeApiError(error: unknown, overrides: StatusMessages = {}): string {
  if (!(error instanceof HttpErrorResponse)) {
    return SERVER_TROUBLE;
  }
  const override = overrides[error.status];
  if (override) {
    return override;
  }
  if (error.status === 429) {
    return tooManyAttempts(error.headers.get('Retry-After'));
  }
  if (error.status >= 500) {
    return SERVER_TROUBLE;
  }
  const fromServer = serverMessage(error.error);
  return fromServer ?? FALLBACKS[error.status] ?? SERVER_TROUBLE;
}

/** True when the error is an HTTP answer with this status. */
export function hasStatus(error: unknown, status: number): boolean {
  return error instanceof HttpErrorResponse && error.status === status;
}

function tooManyAttempts(retryAfter: string | null): string {
  const seconds = retryAfterSeconds(retryAfter);
  if (seconds === null) {
    return 'Too many attempts — try again in a moment';
  }
  if (seconds > 120) {
    const minutes = Math.ceil(seconds / 60);
    return `Too many attempts — try again in ${minutes} minutes`;
  }
  return `Too many attempts — try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

/** Retry-After is either a number of seconds or an HTTP date. */
function retryAfterSeconds(value: string | null): number | null {
  if (!value) {
    return null;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Math.max(1, Number(trimmed));
  }
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) {
    return null;
  }
  return Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

function serverMessage(body: unknown): string | null {
  if (!isApiError(body)) {
    return null;
  }
  const parts = (Array.isArray(body.message) ? body.message : [body.message])
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(asSentence);
  return parts.length > 0 ? parts.join(' ') : null;
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('message' in body)) {
    return false;
  }
  const message = (body as { message: unknown }).message;
  return (
    typeof message === 'string' ||
    (Array.isArray(message) && message.every((part) => typeof part === 'string'))
  );
}

function asSentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
