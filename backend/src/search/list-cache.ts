import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/** Entries kept at most; far more than the distinct queries and colour pages seen in 10 s. */
const MAX_ENTRIES = 5_000;

interface Entry {
  value: Promise<unknown>;
  expires: number;
}

/**
 * Reuses the ids behind a search or a colour-browse page for LIST_CACHE_SECONDS (10). Those
 * lists cost the database most per request (a common word's FULLTEXT posting list, 31 index walks
 * for a hue) and are the same for every viewer; the cards are still read fresh for each request,
 * so counts, covers and visibility are current. Concurrent misses for one key share one query.
 *
 * This process drops everything whenever something that ranks or filters these lists changes
 * here (an artwork's text, visibility, cover or likes, a painter's name): with one api, or in
 * tests, answers are never stale. Another instance or a worker's change shows within the TTL.
 */
@Injectable()
export class ListCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;

  constructor(config: AppConfig) {
    this.ttlMs = config.listCacheMs;
  }

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs === 0) return compute();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    if (hit) this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.evictOldest();
    const value = compute();
    const entry: Entry = { value, expires: now + this.ttlMs };
    this.entries.set(key, entry);
    // A failed query is not remembered: the next request tries again.
    value.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
    return value;
  }

  /** Something that search or the colour browse depends on changed. */
  invalidate(): void {
    this.entries.clear();
  }

  /** Maps iterate in insertion order: the first entry is the oldest. */
  private evictOldest(): void {
    const first = this.entries.keys().next();
    if (!first.done) this.entries.delete(first.value);
  }
}
