import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis } from '../redis/redis-connection';
import { RealtimeEmitter } from './realtime-emitter';
import { RedisEmitter } from './redis.emitter';

const EMITTER_REDIS = Symbol('EMITTER_REDIS');

@Injectable()
class EmitterConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(EMITTER_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * RealtimeEmitter for processes without a Socket.IO server (worker.ts): events go through Redis
 * to the api instances, which deliver them. Needs REDIS_URL; there is no worker without Redis.
 * The emitter publishes on a connection of its own, and holds events while Redis is down
 * (see RedisEmitter).
 */
@Global()
@Module({
  providers: [
    { provide: EMITTER_REDIS, inject: [AppConfig], useFactory: createEmitterConnection },
    EmitterConnectionCloser,
    { provide: RealtimeEmitter, inject: [EMITTER_REDIS], useFactory: (r: Redis) => new RedisEmitter(r) },
  ],
  exports: [RealtimeEmitter],
})
export class RealtimeEmitterModule {}

function createEmitterConnection(config: AppConfig): Redis {
  if (!config.redisUrl)
    throw new Error('RealtimeEmitterModule needs REDIS_URL: without Redis events cannot reach the api');
  return createRedis(config.redisUrl, 'socket emitter', {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
}
