import { Logger } from '@nestjs/common';
import Redis, { type RedisOptions } from 'ioredis';

const logger = new Logger('Redis');

/**
 * Listens for `error` on an ioredis client (without a listener ioredis prints every failed
 * reconnect) and logs state changes only: one line when the connection is lost, one when it is
 * back. A 30 s outage is two lines per connection, not one per retry.
 */
export function watchRedis(client: Redis, name: string): Redis {
  let state: 'connecting' | 'up' | 'down' = 'connecting';
  let since = 0;
  client.on('error', (err: Error) => {
    if (state === 'down') return;
    state = 'down';
    since = Date.now();
    logger.warn(`${name}: Redis connection lost (${err.message}); retrying quietly`);
  });
  client.on('ready', () => {
    if (state === 'down')
      logger.log(`${name}: Redis connection back after ${((Date.now() - since) / 1000).toFixed(1)} s`);
    state = 'up';
  });
  return client;
}

/** A new ioredis client with an `error` listener (see watchRedis). */
export function createRedis(url: string, name: string, options: RedisOptions = {}): Redis {
  return watchRedis(new Redis(url, options), name);
}

export { isRedisUnavailable } from '../common/unavailable';
