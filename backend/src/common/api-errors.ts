import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProperty, ApiResponse } from '@nestjs/swagger';
import { ERROR_CODES, type ApiError, type ErrorCode } from '@gallery/contracts';

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
};

/** Documents the error answers of a route in Swagger. */
export function ApiErrors(...codes: number[]): MethodDecorator {
  return applyDecorators(
    ...codes.map((status) => ApiResponse({ status, description: MEANING[status], type: ApiErrorDto })),
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
