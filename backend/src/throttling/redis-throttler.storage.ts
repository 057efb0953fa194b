import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { isRedisUnavailable } from '../common/unavailable';

/** Counters shared by every api instance. One round trip: increment, set expiry, read block. */
const SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blockTtl = tonumber(ARGV[3])
end
return {hits, ttl, blockTtl}
`;

export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'gallery:throttle:',
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const base = `${this.prefix}${throttlerName}:${key}`;
    const counted = (await this.redis
      .eval(SCRIPT, 2, `${base}:hits`, `${base}:block`, ttl, limit, blockDuration)
      .catch((err: unknown) => {
        // Redis down: count nothing rather than fail every request. Sign-in and registration
        // need a session, which is unavailable too, so this opens no door to guessing.
        if (isRedisUnavailable(err)) return null;
        throw err;
      })) as [number, number, number] | null;
    if (!counted) return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    const [hits, ttlMs, blockMs] = counted;
    const isBlocked = blockMs > 0;
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(Math.max(ttlMs, 0) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blockMs / 1000) : 0,
    };
  }
}
