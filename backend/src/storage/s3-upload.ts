import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  type CompletedPart,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';

/**
 * Bytes per part. S3 wants every part but the last to be at least 5 MiB; 8 MiB keeps memory to
 * one part per upload in flight and allows objects up to ~78 GiB within the 10 000-part limit.
 */
export const PART_SIZE = 8 * 1024 * 1024;

/** Where an object goes and the headers stored with it. */
export interface ObjectTarget {
  Bucket: string;
  Key: string;
  ContentType: string;
  CacheControl: string;
}

const logger = new Logger('S3Storage');

/** One PutObject: for Buffers and for streams that end before filling one part. */
export async function putObject(client: S3Client, target: ObjectTarget, body: Buffer): Promise<void> {
  await client.send(new PutObjectCommand({ ...target, Body: body, ContentLength: body.length }));
}

/**
 * Uploads a stream of unknown length while holding at most one part in memory: small streams
 * become one PutObject, larger ones a multipart upload whose parts go up as they fill. Nothing is
 * visible at the key until the last step succeeds, so a failed upload leaves the old object (or
 * none) in place; its parts are aborted on the way out.
 */
export async function putStream(client: S3Client, target: ObjectTarget, body: Readable): Promise<void> {
  const pending = new PartBuffer();
  let upload: MultipartUpload | null = null;
  try {
    // for-await applies backpressure: the source is not read while a part is uploading,
    // and leaving the loop by an error destroys the source.
    for await (const chunk of body) {
      pending.add(toBuffer(chunk));
      if (pending.size >= PART_SIZE) {
        upload ??= await MultipartUpload.start(client, target);
        await upload.uploadPart(pending.take());
      }
    }
    if (upload === null) return await putObject(client, target, pending.take());
    if (pending.size > 0) await upload.uploadPart(pending.take());
    await upload.complete();
  } catch (error) {
    await upload?.abort();
    throw error;
  }
}

/** Chunks collected towards the next part; concatenated once per part, not once per chunk. */
class PartBuffer {
  private chunks: Buffer[] = [];
  size = 0;

  add(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  take(): Buffer {
    const part = Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.size = 0;
    return part;
  }
}

/** Streams in object mode or with an encoding yield strings; everything else yields bytes. */
function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('A media body stream must yield Buffers, Uint8Arrays or strings');
}

/** A multipart upload in progress: parts in order, then complete() or abort(). */
class MultipartUpload {
  private readonly parts: CompletedPart[] = [];

  private constructor(
    private readonly client: S3Client,
    private readonly target: ObjectTarget,
    private readonly uploadId: string,
  ) {}

  static async start(client: S3Client, target: ObjectTarget): Promise<MultipartUpload> {
    const created = await client.send(new CreateMultipartUploadCommand(target));
    if (!created.UploadId) throw new Error(`S3 returned no UploadId for ${target.Key}`);
    return new MultipartUpload(client, target, created.UploadId);
  }

  async uploadPart(body: Buffer): Promise<void> {
    const PartNumber = this.parts.length + 1;
    const result = await this.client.send(
      new UploadPartCommand({
        Bucket: this.target.Bucket,
        Key: this.target.Key,
        UploadId: this.uploadId,
        PartNumber,
        Body: body,
        ContentLength: body.length,
      }),
    );
    if (!result.ETag) throw new Error(`S3 returned no ETag for part ${PartNumber} of ${this.target.Key}`);
    // When the client computed part checksums (checksum 'when_supported'), S3 wants them back
    // in the completion request; with 'when_required' there are none and these stay undefined.
    this.parts.push({
      PartNumber,
      ETag: result.ETag,
      ChecksumCRC32: result.ChecksumCRC32,
      ChecksumCRC32C: result.ChecksumCRC32C,
      ChecksumCRC64NVME: result.ChecksumCRC64NVME,
      ChecksumSHA1: result.ChecksumSHA1,
      ChecksumSHA256: result.ChecksumSHA256,
    });
  }

  async complete(): Promise<void> {
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.target.Bucket,
        Key: this.target.Key,
        UploadId: this.uploadId,
        MultipartUpload: { Parts: this.parts },
      }),
    );
  }

  /**
   * Best effort: the caller is already failing with the error that matters. Parts left behind by
   * a failed abort cost storage until a bucket lifecycle rule (AbortIncompleteMultipartUpload)
   * removes them, hence the warning.
   */
  async abort(): Promise<void> {
    try {
      await this.client.send(
        new AbortMultipartUploadCommand({
          Bucket: this.target.Bucket,
          Key: this.target.Key,
          UploadId: this.uploadId,
        }),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(`Could not abort multipart upload ${this.uploadId} of ${this.target.Key}: ${reason}`);
    }
  }
}
