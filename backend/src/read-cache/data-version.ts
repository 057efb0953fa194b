import { Logger } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { RedisClient } from '../redis/redis.module';

/**
 * The data version: a value that changes after every committed write that a cached read could
 * show (write-watch.ts bumps it). A cached answer is served only while the version it was built
 * under is still the current one, so it is never older than a write that has been answered.
 *
 * One port, two adapters: a counter in this process when it is the only one (embedded mode: api
 * and jobs share the process and the SQLite file), a Redis key when several apis and workers
 * share one database. `current()` resolves null when the version cannot be known (Redis down):
 * callers then read the database as if there were no cache.
 */
export abstract class DataVersion {
  abstract current(): Promise<string | null>;
  abstract bump(): Promise<void>;
}

export class MemoryDataVersion extends DataVersion {
  // Starts anywhere: a restarted process has an empty cache, but it costs nothing to be safe.
  private value = randomInt(2 ** 40);

  current(): Promise<string | null> {
    return Promise.resolve(String(this.value));
  }

  bump(): Promise<void> {
    this.value++;
    return Promise.resolve();
  }
}

export const DATA_VERSION_KEY = 'gallery:read-version';
/** How soon a failed bump is tried again. */
const RETRY_MS = 500;

/**
 * The version in Redis, shared by every api and worker. A Redis that restarted has lost the key:
 * both scripts then start it at a random value, so a counter starting over can never match a
 * version an api cached under before the restart.
 */
export class RedisDataVersion extends DataVersion {
  private readonly logger = new Logger('DataVersion');

  constructor(
    private readonly redis: NonNullable<RedisClient>,
    private readonly onBumpFailed: () => void,
  ) {
    super();
  }

  async current(): Promise<string | null> {
    try {
      return (await this.redis.get(DATA_VERSION_KEY)) ?? (await this.start());
    } catch {
      return null;
    }
  }

  async bump(): Promise<void> {
    try {
      await this.incr();
    } catch (err) {
      // The write happened and the others cannot learn it yet. While Redis is down every api reads
      // the database anyway (current() fails too); this process forgets what it cached and retries
      // until Redis answers, so the version moves as soon as anyone could read it again.
      this.onBumpFailed();
      // One line per outage, not one per write.
      if (!this.retrying) {
        this.logger.warn(
          `data version not bumped, retrying: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      this.retry();
    }
  }

  private retrying = false;

  private retry(): void {
    if (this.retrying) return;
    this.retrying = true;
    const attempt = () =>
      this.incr().then(
        () => {
          this.retrying = false;
          this.logger.log('data version bumped after the failure');
        },
        // A closed connection (shutdown) ends the retries: nothing reads the version any more.
        () => this.redis.status !== 'end' && setTimeout(attempt, RETRY_MS).unref(),
      );
    setTimeout(attempt, RETRY_MS).unref();
  }

  private incr(): Promise<unknown> {
    return this.redis.eval(BUMP, 1, DATA_VERSION_KEY, randomInt(2 ** 40));
  }

  private async start(): Promise<string> {
    return String(await this.redis.eval(START, 1, DATA_VERSION_KEY, randomInt(2 ** 40)));
  }
}

/** INCR, or start at a random value when the key is missing (INCR would give 1). */
const BUMP = `local v = redis.call('INCR', KEYS[1])
if v == 1 then v = redis.call('INCRBY', KEYS[1], ARGV[1]) end
return v`;

/** The current value, set to a random one when missing. */
const START = `local v = redis.call('GET', KEYS[1])
if not v then redis.call('SET', KEYS[1], ARGV[1]); v = ARGV[1] end
return v`;
