import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validationFailed } from './app-error';
import { assertPayloadShape } from './payload-shape';
import { passesQueryRules } from './query-fast-path';
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
    // A list's `?limit=…&cursor=…`: checked by the same validators without class-validator's
    // executor when it passes (see query-fast-path.ts); anything else takes the full pipe.
    const metatype = metadata.metatype;
    if (metadata.type === 'query' && !metadata.data && metatype && isFlatStrings(value)) {
      const entity = plainToInstance(metatype, value) as object;
      if (passesQueryRules(metatype, entity)) return entity;
    }
    return super.transform(value, metadata);
  }
}

/** A parsed query string of single values (`?a=1&a=2` gives an array: the full pipe handles it). */
function isFlatStrings(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (typeof (value as Record<string, unknown>)[key] !== 'string') return false;
  return true;
}

export function createValidationPipe(): ValidationPipe {
  return new GalleryValidationPipe({
    ...VALIDATION_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => validationFailed(validationMessages(errors)),
  });
}
