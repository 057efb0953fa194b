import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiProperty,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ERROR_CODES, defaultErrorCode, type ApiError, type ErrorCode } from '@gallery/contracts';

/** The one error shape every route answers with. */
export class ApiErrorDto implements ApiError {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  message!: string | string[];
  @ApiProperty({ enum: ERROR_CODES, example: 'VALIDATION_FAILED', description: 'Stable; switch on this' })
  code!: ErrorCode;
}

const MEANING: Record<number, string> = {
  400: 'Invalid input (the message says which field)',
  401: 'Not signed in',
  403: 'Signed in but not allowed, or the X-XSRF-TOKEN header is missing',
  404: 'Absent, or hidden from you',
  409: 'Conflict (e.g. the username is taken)',
  413: 'Too large',
  415: 'Not a supported image',
  429: 'Too many requests; see the Retry-After header',
  503: 'A dependency is down; retry later',
};

/**
 * Codes any route may answer with for a status, on top of the route's own: the validation pipe
 * (400), the guard (401) and the CSRF middleware on every write (403).
 */
const ALWAYS: Partial<Record<number, ErrorCode[]>> = {
  400: ['VALIDATION_FAILED'],
  403: ['CSRF'],
};

/** A status alone (its generic code), or a status with the codes this route can answer it with. */
export type ErrorSpec = number | [status: number, ...codes: ErrorCode[]];

/**
 * Documents the error answers of a route: per status the ApiError schema with `code` narrowed to
 * what that route can really send, so a client knows what to switch on.
 *   @ApiErrors(400, 401, [404, 'ARTWORK_NOT_FOUND'])
 */
export function ApiErrors(...specs: ErrorSpec[]): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ApiErrorDto),
    ...specs.map((spec) => {
      const [status, ...own] = Array.isArray(spec) ? spec : [spec];
      const codes = [
        ...new Set([...(ALWAYS[status] ?? []), ...(own.length ? own : [defaultErrorCode(status)])]),
      ];
      return ApiResponse({
        status,
        description: `${MEANING[status] ?? 'Error'}. code: ${codes.join(' | ')}`,
        schema: {
          allOf: [
            { $ref: getSchemaPath(ApiErrorDto) },
            {
              type: 'object',
              properties: {
                statusCode: { type: 'integer', enum: [status] },
                code: { type: 'string', enum: codes },
              },
            },
          ],
        },
      });
    }),
  );
}

/** Swagger body of a multipart upload with one file under `field`. */
export function ApiFileBody(field = 'file'): MethodDecorator {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: [field],
        properties: { [field]: { type: 'string', format: 'binary' } },
      },
    }),
  );
}
