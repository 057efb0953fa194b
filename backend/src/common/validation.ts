import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { AppError } from './app-error';
import { assertPayloadShape } from './payload-shape';
import type { ValidatorOptions } from 'class-validator';

/** Unknown fields are refused rather than silently dropped, so typos surface as 400s. */
export const VALIDATION_OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true };

export function validationMessages(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}),
    ...validationMessages(e.children ?? []).map((m) => `${e.property}.${m}`),
  ]);
}

/**
 * ValidationPipe that first refuses payloads nested too deeply (class-transformer recurses and
 * overflows the stack) or carrying __proto__/constructor keys. As the global pipe it also sees
 * socket payloads (@MessageBody), which no HTTP middleware does.
 */
class GalleryValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      assertPayloadShape(value);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new GalleryValidationPipe({
    ...VALIDATION_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => validationFailed(validationMessages(errors)),
  });
}

/** 400 VALIDATION_FAILED with every message, for the pipe, guards and gateways alike. */
export function validationFailed(messages: string[]): AppError {
  return new AppError('VALIDATION_FAILED', 400, messages);
}
