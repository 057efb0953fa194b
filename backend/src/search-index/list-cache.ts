import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DomainEvents } from '../events/domain-events';

/** Entries kept at most; far more than the distinct queries and colour pages seen in 10 s. */
const MAX_ENTRIES = 5_000;

interface Entry {
  value: Promise<unknown>;
  expires: number;
  /** The invalidation generation the computation started in. */
  generation: number;
}

/**
 * Reuses the ids behind a search or a colour-browse page for LIST_CACHE_SECONDS (10). Those
 * lists cost the database most per request (a common word's FULLTEXT posting list, 31 index walks
 * for a hue) and are the same for every viewer; the cards are still read fresh for each request,
 * so counts, covers and visibility are current. Concurrent misses for one key share one query.
 *
 * This process drops everything once a change that ranks or filters these lists commits (an
 * artwork's text, visibility, cover or likes, its stages, a painter's name; see the domain events
 * below): with one api, or in tests, answers are never stale. A list computed across such a
 * commit is not kept. Another instance or a worker's change shows within the TTL.
 */
@Injectable()
export class ListCache implements OnModuleInit {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private generation = 0;

  constructor(
    config: AppConfig,
    private readonly events: DomainEvents,
  ) {
    this.ttlMs = config.listCacheMs;
  }

  onModuleInit(): void {
    const drop = () => this.invalidate();
    this.events.onCommitted('artwork.changed', drop);
    this.events.onCommitted('artwork.deleted', drop);
    this.events.onCommitted('stages.changed', drop);
    this.events.onCommitted('painter.changed', drop);
    // A stage turning ready may have become the cover, with new colours for the hue browse.
    this.events.onCommitted('stage.status', ({ status }) => status === 'ready' && drop());
  }

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs === 0) return compute();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    if (hit) this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.evictOldest();
    const value = compute();
    const entry: Entry = { value, expires: now + this.ttlMs, generation: this.generation };
    this.entries.set(key, entry);
    const forget = () => this.entries.get(key) === entry && this.entries.delete(key);
    // A failed query is not remembered, nor one that a change committed during: it may have read
    // the rows before the change.
    value.then(() => entry.generation !== this.generation && forget(), forget);
    return value;
  }

  /** Something that search or the colour browse depends on changed. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Maps iterate in insertion order: the first entry is the oldest. */
  private evictOldest(): void {
    const first = this.entries.keys().next();
    if (!first.done) this.entries.delete(first.value);
  }
}
