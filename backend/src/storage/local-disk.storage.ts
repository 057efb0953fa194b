import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { type FileHandle, mkdir, open, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { contentTypeFor } from './content-types';
import { MediaNotFoundError, MediaStorage, type StoredObject } from './media-storage';
import { assertValidKey, assertValidPrefix, keyToUrlPath } from './media-key';

/**
 * The code of a Node system error (ENOENT…). Duck-typed rather than `instanceof Error`: errors
 * made by Node's core can come from another realm (jest runs tests in a vm context).
 */
function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * The embedded adapter: one file per key under a directory (data/media by default).
 * Writes go to a temp file beside the target and are renamed into place, so a reader sees
 * the old object or the new one, never half of either.
 */
export class LocalDiskStorage extends MediaStorage {
  private readonly root: string;

  /** @param dir where objects live; created on first write or check(). */
  constructor(dir: string) {
    super();
    this.root = resolve(dir);
  }

  override async put(key: string, body: Buffer | Readable, _contentType: string): Promise<void> {
    // The content type is not stored: the key's extension names it (see MediaStorage).
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    // Same directory as the target, so rename() stays on one filesystem and is atomic.
    // The leading '.' makes it unaddressable as a key (see media-key.ts).
    const temp = join(dirname(target), `.${randomBytes(12).toString('hex')}.tmp`);
    try {
      // flush: fsync before close, so a crash right after rename cannot leave an empty file.
      if (Buffer.isBuffer(body)) await writeFile(temp, body, { flag: 'wx', flush: true });
      else await pipeline(body, createWriteStream(temp, { flags: 'wx', flush: true }));
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  override async get(key: string): Promise<StoredObject> {
    const path = this.pathOf(key);
    // Open first, then stat the open file: a delete in between cannot split the two.
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') throw new MediaNotFoundError(key);
      throw error;
    }
    try {
      const stats = await handle.stat();
      // A key that names a directory (a prefix of other keys) holds no object.
      if (!stats.isFile()) throw new MediaNotFoundError(key);
      // The stream owns the handle from here and closes it when it ends, fails or is destroyed.
      const body = handle.createReadStream();
      return { body, contentType: contentTypeFor(key), size: stats.size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  override async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') throw error;
    }
  }

  /** A prefix ending in '/' is a directory here: removing it removes every key under it. */
  override async deletePrefix(prefix: string): Promise<void> {
    assertValidPrefix(prefix);
    await rm(this.pathOf(prefix.slice(0, -1)), { recursive: true, force: true });
  }

  /** Same origin and relative: the media route streams the file. */
  override url(key: string): string {
    assertValidKey(key);
    return `/api/media/${keyToUrlPath(key)}`;
  }

  /** Writes and removes a probe file: catches a missing, read-only or full disk, not only permissions. */
  override async check(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    const probe = join(this.root, `.check-${randomBytes(6).toString('hex')}`);
    await writeFile(probe, 'ok', { flag: 'wx' });
    await unlink(probe);
  }

  /** The file for key; validates it and, belt and braces, checks it stays under the root. */
  private pathOf(key: string): string {
    assertValidKey(key);
    const path = resolve(this.root, key);
    const inside = relative(this.root, path);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      throw new Error(`Media key ${JSON.stringify(key)} resolves outside the media directory`);
    }
    return path;
  }
}
