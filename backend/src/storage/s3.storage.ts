import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadBucketCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { OnModuleDestroy } from '@nestjs/common';
import { Readable } from 'node:stream';

import type { StorageConfig } from '../config/app-config';
import { contentTypeFor } from './content-types';
import { MediaNotFoundError, MediaStorage, type StoredObject } from './media-storage';
import { assertValidKey, assertValidPrefix, IMMUTABLE_CACHE_CONTROL, keyToUrlPath } from './media-key';
import { type ObjectTarget, putObject, putStream } from './s3-upload';

/** The S3 branch of the storage configuration. */
export type S3StorageConfig = Extract<StorageConfig, { kind: 's3' }>;

/** SDK client options from configuration. */
function s3ClientConfig(config: S3StorageConfig): S3ClientConfig {
  // 'when_required' keeps the SDK from sending aws-chunked bodies with trailing checksums,
  // which s3rver and some S3-compatible stores store verbatim, corrupting every streamed object.
  const checksum = config.checksum === 'when_required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
  return {
    region: config.region,
    endpoint: config.endpoint ?? undefined,
    forcePathStyle: config.forcePathStyle,
    // Without explicit keys the SDK's default chain applies (env, profile, instance role).
    credentials:
      config.accessKeyId && config.secretAccessKey
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : undefined,
    requestChecksumCalculation: checksum,
    responseChecksumValidation: checksum,
  };
}

/** True when S3 says the object is not there (as opposed to the bucket or the credentials being wrong). */
function isMissingObject(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  if (error.name === 'NoSuchKey') return true;
  return error.$metadata.httpStatusCode === 404 && error.name !== 'NoSuchBucket';
}

/**
 * The scale-out adapter: objects in an S3 bucket (AWS, MinIO, R2, s3rver in tests).
 * Stores each object with its content type and an immutable Cache-Control, so a CDN or public
 * bucket in front (config publicUrl) can serve them to browsers directly.
 */
export class S3Storage extends MediaStorage implements OnModuleDestroy {
  private readonly client: S3Client;

  constructor(private readonly config: S3StorageConfig) {
    super();
    this.client = new S3Client(s3ClientConfig(config));
  }

  override async put(key: string, body: Buffer | Readable, contentType: string): Promise<void> {
    assertValidKey(key);
    const target: ObjectTarget = {
      Bucket: this.config.bucket,
      Key: key,
      ContentType: contentType,
      CacheControl: IMMUTABLE_CACHE_CONTROL,
    };
    if (Buffer.isBuffer(body)) await putObject(this.client, target, body);
    else await putStream(this.client, target, body);
  }

  override async get(key: string): Promise<StoredObject> {
    assertValidKey(key);
    let response: GetObjectCommandOutput;
    try {
      response = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
    } catch (error) {
      if (isMissingObject(error)) throw new MediaNotFoundError(key);
      throw error;
    }
    // In Node the SDK hands back the HTTP response itself, an IncomingMessage.
    if (!(response.Body instanceof Readable)) throw new Error(`S3 returned no readable body for ${key}`);
    return {
      body: response.Body,
      contentType: response.ContentType ?? contentTypeFor(key),
      size: response.ContentLength ?? null,
    };
  }

  /** S3 answers 204 for absent keys too, so this is idempotent without special cases. */
  override async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  /**
   * Lists the first page (≤ 1000 keys) of what is left under the prefix and deletes it with one
   * DeleteObjects, until nothing is left: memory stays at one page whatever the number of keys.
   * Listing from the start each time needs no continuation token (which s3rver mishandles).
   */
  override async deletePrefix(prefix: string): Promise<void> {
    assertValidPrefix(prefix);
    for (;;) {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: prefix }),
      );
      const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (!keys.length) return;
      const result = await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.config.bucket, Delete: { Objects: keys, Quiet: true } }),
      );
      // A key S3 refused would be listed again forever: fail the job (it retries) instead.
      const failed = result.Errors?.[0];
      if (failed) throw new Error(`S3 could not delete ${failed.Key}: ${failed.Code} ${failed.Message}`);
    }
  }

  /** The public URL when objects are served from a CDN or public bucket, else the api's media route. */
  override url(key: string): string {
    assertValidKey(key);
    const base = this.config.publicUrl ?? '/api/media';
    return `${base}/${keyToUrlPath(key)}`;
  }

  /** HeadBucket: fails when the bucket is absent, the endpoint unreachable or the credentials refused. */
  override async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
  }

  /** Closes the client's keep-alive sockets so the process (or a test) can exit. */
  onModuleDestroy(): void {
    this.client.destroy();
  }
}
