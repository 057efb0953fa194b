import type { NextFunction, Request, Response } from 'express';
import { apiErrorFor } from './api-exception.filter';
import { AppError, validationFailed } from './app-error';

/** No request body or socket payload of Gallery nests deeper than a few levels. */
export const MAX_PAYLOAD_DEPTH = 32;

/**
 * Keys that reach prototypes when a payload is copied or merged. JSON.parse keeps them as own
 * properties, and class-transformer drops them silently instead of letting forbidNonWhitelisted
 * refuse them, so they are refused here like any other unknown field.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Walks a parsed payload iteratively (a recursive walk would overflow the stack just as
 * class-transformer does on 1,500 levels) and returns the error to answer, or null when fine.
 */
export function payloadProblem(value: unknown): AppError | null {
  const stack: [unknown, number][] = [[value, 0]];
  const forbidden = new Set<string>();
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_PAYLOAD_DEPTH) {
      return new AppError(
        'VALIDATION_FAILED',
        400,
        `request body is nested too deeply (at most ${MAX_PAYLOAD_DEPTH} levels)`,
      );
    }
    if (Array.isArray(node)) {
      for (const item of node) stack.push([item, depth + 1]);
      continue;
    }
    for (const key of Object.keys(node)) {
      // Object.prototype's names too (toString, valueOf, …): class-validator's whitelist sees
      // them as inherited members of the DTO and let `{"toString":{…}}` through.
      if (FORBIDDEN_KEYS.has(key) || key in Object.prototype) forbidden.add(key);
      stack.push([(node as Record<string, unknown>)[key], depth + 1]);
    }
  }
  if (forbidden.size > 0)
    return validationFailed([...forbidden].map((k) => `property ${k} should not exist`));
  return null;
}

/** Throws {@link payloadProblem}'s error; for pipes and socket handlers. */
export function assertPayloadShape(value: unknown): void {
  const problem = payloadProblem(value);
  if (problem) throw problem;
}

/**
 * Express middleware after the body parsers: guards (sign-in validates its body in a guard) and
 * pipes only ever see bodies and query strings of a sane shape.
 */
export function payloadShapeMiddleware() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const problem = payloadProblem(req.body) ?? payloadProblem(req.query);
    if (!problem) return next();
    const body = apiErrorFor(problem, req);
    res.status(body.statusCode).json(body);
  };
}
