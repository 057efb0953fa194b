import type { Readable } from 'node:stream';

/** An object read back from storage. */
export interface StoredObject {
  body: Readable;
  contentType: string;
  /** Bytes, when the adapter knows it up front. */
  size: number | null;
}

/** Raised by get() when the key holds nothing. */
export class MediaNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object at ${key}`);
  }
}

/**
 * The storage port: where originals, thumbnails, previews and avatars live.
 * Two adapters: local disk (embedded default) and S3-compatible stores.
 * Keys are chosen by the app (e.g. `avatars/<random>.webp`): relative, '/'-separated,
 * never user-supplied, always ending with an extension that names the content type.
 */
export abstract class MediaStorage {
  /** Stores a body under key, replacing what was there. Streams are consumed without buffering whole. */
  abstract put(key: string, body: Buffer | Readable, contentType: string): Promise<void>;
  /** Streams an object back; MediaNotFoundError when absent. */
  abstract get(key: string): Promise<StoredObject>;
  /** Removes an object; absent keys are not an error. */
  abstract delete(key: string): Promise<void>;
  /**
   * Removes every object whose key starts with `prefix` (which must end with '/', so `tiles/a/`
   * never matches `tiles/ab/…`): for sets of keys too many to list one by one (deep-zoom tiles).
   * An empty prefix is not an error.
   */
  abstract deletePrefix(prefix: string): Promise<void>;
  /** A URL an <img src> can use: stable (cacheable) and as unguessable as the key. */
  abstract url(key: string): string;
  /** Throws when the storage cannot be reached (for /api/health). */
  abstract check(): Promise<void>;
}
