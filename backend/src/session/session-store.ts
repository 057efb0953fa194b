import RedisStore from 'connect-redis';
import type { Store } from 'express-session';
import type { DataSource } from 'typeorm';
import type { RedisClient } from '../redis/redis.module';
import { DatabaseSessionStore } from './database-session.store';
import { SessionEntity } from './session.entity';

/** Redis key prefix of session entries. */
export const SESSION_PREFIX = 'gallery:sess:';

/** The session port: Redis when configured, otherwise the app's database. */
export function createSessionStore(redis: RedisClient, dataSource: DataSource): Store {
  if (redis) return new RedisStore({ client: redis, prefix: SESSION_PREFIX });
  return new DatabaseSessionStore(dataSource.getRepository(SessionEntity));
}
