import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TEMP_UPLOAD_DIR, tempUploadName } from './temp-files';

/** What the upload handler gets per file: a temp copy on disk and its SHA-256. */
export interface TempUpload {
  path: string;
  size: number;
  sha256: string;
  originalname: string;
}

/**
 * multer storage that streams each part to a temp file while hashing it. Memory stays bounded
 * whatever the size (multer's fileSize limit aborts oversized parts with a 413), and the type
 * is sniffed from the file's bytes afterwards.
 */
export class TempUploadStorage implements StorageEngine {
  private readonly dir = TEMP_UPLOAD_DIR;

  constructor() {
    mkdirSync(this.dir, { recursive: true });
  }

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    cb: (error?: unknown, info?: Partial<Express.Multer.File>) => void,
  ): void {
    // Named after this process, so that what a killed process left is found (sweepTempFiles).
    const path = join(this.dir, tempUploadName(randomBytes(16).toString('hex')));
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, next) {
        hash.update(chunk);
        size += chunk.length;
        next(null, chunk);
      },
    });
    pipeline(file.stream, tap, createWriteStream(path))
      .then(() => cb(null, { path, size, sha256: hash.digest('hex') } as Partial<Express.Multer.File>))
      .catch(async (err: unknown) => {
        await rm(path, { force: true });
        cb(err);
      });
  }

  _removeFile(_req: Request, file: Express.Multer.File, cb: (error: Error | null) => void): void {
    rm(file.path, { force: true }).then(() => cb(null), cb);
  }
}

/** Deletes the temp copies once a request is done with them, whatever happened. */
export async function removeTempUploads(files: { path: string }[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.path, { force: true })));
}
