import { Global, Module } from '@nestjs/common';
import { REDIS, type RedisClient } from '../redis/redis.module';
import { RealtimeEmitter } from './realtime-emitter';
import { RedisEmitter } from './redis.emitter';

/**
 * RealtimeEmitter for processes without a Socket.IO server (worker.ts): events go through Redis
 * to the api instances, which deliver them. Needs RedisModule; there is no worker without Redis.
 */
@Global()
@Module({
  providers: [{ provide: RealtimeEmitter, inject: [REDIS], useFactory: createRedisEmitter }],
  exports: [RealtimeEmitter],
})
export class RealtimeEmitterModule {}

function createRedisEmitter(redis: RedisClient): RealtimeEmitter {
  if (!redis)
    throw new Error('RealtimeEmitterModule needs REDIS_URL: without Redis events cannot reach the api');
  return new RedisEmitter(redis);
}
