import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis } from './redis-connection';

/** Injection token for the shared ioredis client, or null in the embedded mode. */
export const REDIS = Symbol('REDIS');
export type RedisClient = Redis | null;

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

/** One Redis connection per process, shared by sessions, rate limits and health. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<RedisClient> => {
        if (!config.redisUrl) return null;
        // Fail fast while Redis is down: no offline queue, one retry, a 2 s cap per command. A
        // request then gets its answer (signed out, or 503) at once instead of after seconds.
        const client = createRedis(config.redisUrl, 'shared', {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          commandTimeout: 2000,
        });
        await untilReady(client, 5000);
        return client;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}

/** Waits for the first connection (commands fail without an offline queue), at most `ms`. */
function untilReady(client: Redis, ms: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    client.once('ready', done);
    function done() {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    }
  });
}
