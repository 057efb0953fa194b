import { Injectable, type Type } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/** One cached answer: what the handler and express's send() put on the response, and the body. */
export interface CachedAnswer {
  /** The data version read before the handler ran. */
  version: string;
  /** A backstop for a data version that could not be bumped (Redis failing mid-write). */
  expires: number;
  /** Headers the handler and send() added (Content-Type, ETag…), not the per-request ones. */
  headers: [string, string][];
  etag: string | undefined;
  body: Buffer;
  /** Compressed bodies, made on the first request that accepts each. */
  encoded: Partial<Record<'br' | 'gzip', Buffer>>;
  /** The route pattern (`/api/albums/:id`), for the request log and the metrics label. */
  route: string;
  /** The handler, so the rate limits are the very ones the route has. */
  controller: Type;
  handler: (...args: never[]) => unknown;
}

const MAX_ENTRIES = 2_000;
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Answers of the cached reads (cached-read.ts), by URL, as signed-out visitors get them. An entry
 * is good only while the data version is the one it was built under (read-cache.lane.ts checks),
 * so nothing here is ever invalidated by hand. Bounded by count and bytes, least recently used
 * out first.
 */
@Injectable()
export class ReadCache {
  readonly enabled: boolean;
  readonly maxAgeMs: number;
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;

  constructor(config: AppConfig) {
    this.maxAgeMs = config.readCacheMs;
    this.enabled = this.maxAgeMs > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get(url: string): CachedAnswer | undefined {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.delete(url, entry);
      return undefined;
    }
    // Maps keep insertion order: moving a hit to the end keeps the oldest first for eviction.
    this.entries.delete(url);
    this.entries.set(url, entry);
    return entry;
  }

  set(url: string, entry: Omit<CachedAnswer, 'expires' | 'encoded'>): void {
    const old = this.entries.get(url);
    if (old) this.delete(url, old);
    this.entries.set(url, { ...entry, expires: Date.now() + this.maxAgeMs, encoded: {} });
    this.bytes += entry.body.length;
    while (this.entries.size > MAX_ENTRIES || this.bytes > MAX_BYTES) {
      const [oldestUrl, oldest] = this.entries.entries().next().value!;
      this.delete(oldestUrl, oldest);
    }
  }

  /**
   * Keeps a compressed body with its entry (counted against the byte bound), unless the entry was
   * replaced or evicted while compressing: its bytes would then never be taken off again.
   */
  addEncoded(url: string, entry: CachedAnswer, encoding: 'br' | 'gzip', body: Buffer): void {
    if (this.entries.get(url) !== entry || entry.encoded[encoding]) return;
    entry.encoded[encoding] = body;
    this.bytes += body.length;
  }

  /** Forgets everything: this process could not tell the others that data changed. */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private delete(url: string, entry: CachedAnswer): void {
    this.entries.delete(url);
    this.bytes -= entry.body.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0);
  }
}
