import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor, FilesInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import type { Request } from 'express';
import { rm } from 'node:fs/promises';
import { defer } from 'rxjs';
import { AppError } from './app-error';

/**
 * Options every multipart route shares. Browsers send `filename="café.txt"` as raw UTF-8 bytes;
 * busboy decodes them as latin1 unless told otherwise, which turned names into `cafÃ©.txt`.
 */
export function uploadOptions(options: MulterOptions): MulterOptions {
  return { ...options, defParamCharset: 'utf8' };
}

export const emptyFileError = (name: string) =>
  new AppError('EMPTY_FILE', 400, `${name || 'the file'} is empty (0 bytes); choose a file with content`);

type Uploaded = { size: number; originalname: string; path?: string };

/**
 * Runs multer's interceptor, then refuses zero-byte files before the handler sees them (image
 * decoders throw "Input Buffer is empty"; an empty attachment is no message). Files already
 * streamed to temp storage are removed.
 */
function refusingEmpty(Base: Type<NestInterceptor>): Type<NestInterceptor> {
  @Injectable()
  class EmptyFileRefusingInterceptor extends Base {
    override async intercept(context: ExecutionContext, next: CallHandler) {
      return super.intercept(context, {
        handle: () => {
          const req = context.switchToHttp().getRequest<Request>();
          const files = [req.file, ...(Array.isArray(req.files) ? req.files : [])].filter(
            (f): f is Express.Multer.File => !!f,
          ) as Uploaded[];
          const empty = files.find((f) => f.size === 0);
          if (!empty) return next.handle();
          // An erroring stream: the exception filter answers, as for any handler error.
          return defer(async () => {
            const paths = files.map((f) => f.path).filter((p): p is string => !!p);
            await Promise.all(paths.map((p) => rm(p, { force: true })));
            throw emptyFileError(empty.originalname);
          });
        },
      });
    }
  }
  return EmptyFileRefusingInterceptor;
}

/** One file under `field`, with the shared options and zero-byte refusal. */
export const SingleUpload = (field: string, options: MulterOptions) =>
  refusingEmpty(FileInterceptor(field, uploadOptions(options)));

/** Up to `maxCount` files under `field`, with the shared options and zero-byte refusal. */
export const MultiUpload = (field: string, maxCount: number, options: MulterOptions) =>
  refusingEmpty(FilesInterceptor(field, maxCount, uploadOptions(options)));
