import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError } from './app-error';
import type { ValidatorOptions } from 'class-validator';

/** Unknown fields are refused rather than silently dropped, so typos surface as 400s. */
export const VALIDATION_OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true };

export function validationMessages(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}),
    ...validationMessages(e.children ?? []).map((m) => `${e.property}.${m}`),
  ]);
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATION_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => validationFailed(validationMessages(errors)),
  });
}

/** 400 VALIDATION_FAILED with every message, for the pipe, guards and gateways alike. */
export function validationFailed(messages: string[]): AppError {
  return new AppError('VALIDATION_FAILED', 400, messages);
}
