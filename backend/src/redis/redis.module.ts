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
      useFactory: (config: AppConfig): RedisClient =>
        config.redisUrl ? createRedis(config.redisUrl, 'shared', { maxRetriesPerRequest: 3 }) : null,
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
