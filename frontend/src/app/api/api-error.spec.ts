import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import type { ApiError } from '@gallery/contracts';

import { describeApiError, hasStatus } from './api-error';

function answer(status: number, error: unknown, headers: Record<string, string> = {}): HttpErrorResponse {
  return new HttpErrorResponse({ status, error, headers: new HttpHeaders(headers), url: '/api/x' });
}

describe('describeApiError', () => {
  it('uses the message the api sent', () => {
    const body: ApiError = {
      statusCode: 409,
      error: 'Conflict',
      message: 'username taken',
      code: 'USERNAME_TAKEN',
    };
    expect(describeApiError(answer(409, body))).toBe('Username taken.');
  });

  it('joins a list of validation messages into sentences', () => {
    const body: ApiError = {
      statusCode: 400,
      error: 'Bad Request',
      message: ['bio must be shorter than or equal to 500 characters', 'displayName is too long.'],
      code: 'VALIDATION_FAILED',
    };
    expect(describeApiError(answer(400, body))).toBe(
      'Bio must be shorter than or equal to 500 characters. DisplayName is too long.',
    );
  });

  it('prefers the caller’s wording for a status', () => {
    const body: ApiError = {
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Unauthorized',
      code: 'UNAUTHENTICATED',
    };
    expect(describeApiError(answer(401, body), { 401: 'Wrong username or password' })).toBe(
      'Wrong username or password',
    );
  });

  it('counts down from Retry-After seconds on 429', () => {
    const body: ApiError = {
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'ThrottlerException',
      code: 'RATE_LIMITED',
    };
    expect(describeApiError(answer(429, body, { 'Retry-After': '42' }))).toBe(
      'Too many attempts — try again in 42 seconds',
    );
    expect(describeApiError(answer(429, body, { 'Retry-After': '1' }))).toBe(
      'Too many attempts — try again in 1 second',
    );
  });

  it('understands Retry-After as an HTTP date', () => {
    jest.useFakeTimers().setSystemTime(new Date('2026-11-21T10:00:00Z'));
    try {
      const error = answer(429, null, { 'Retry-After': 'Sat, 21 Nov 2026 10:00:30 GMT' });
      expect(describeApiError(error)).toBe('Too many attempts — try again in 30 seconds');
    } finally {
      jest.useRealTimers();
    }
  });

  it('speaks in minutes for long waits and copes without the header', () => {
    expect(describeApiError(answer(429, null, { 'Retry-After': '900' }))).toBe(
      'Too many attempts — try again in 15 minutes',
    );
    expect(describeApiError(answer(429, null))).toBe('Too many attempts — try again in a moment');
  });

  it('falls back to a sentence per status when the body is not an ApiError', () => {
    expect(describeApiError(answer(415, 'nope'))).toBe('That’s not a supported image.');
    expect(describeApiError(answer(0, null))).toMatch(/Can’t reach Gallery/);
  });

  it('never shows server internals for 5xx', () => {
    const body: ApiError = {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'SQLITE_BUSY',
      code: 'INTERNAL',
    };
    expect(describeApiError(answer(500, body))).toBe(
      'Something went wrong on our side. Please try again in a moment.',
    );
  });

  it('handles things that are not HTTP errors', () => {
    expect(describeApiError(new Error('boom'))).toMatch(/Something went wrong/);
  });
});

describe('hasStatus', () => {
  it('matches only HTTP errors with that status', () => {
    expect(hasStatus(answer(404, null), 404)).toBe(true);
    expect(hasStatus(answer(404, null), 409)).toBe(false);
    expect(hasStatus(new Error('404'), 404)).toBe(false);
  });
});
