import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis } from '../redis/redis-connection';
import type { GalleryServer } from './socket-server';

/** Prefix of the adapter's pub/sub channels; RedisEmitter must publish under the same one. */
export const SOCKET_IO_KEY = 'gallery:socket.io';

/**
 * With Redis, puts the Socket.IO server on @socket.io/redis-adapter so rooms span api instances.
 * The adapter needs two connections of its own: a subscribed connection can do nothing else.
 */
@Injectable()
export class SocketRedisAdapter implements OnApplicationShutdown {
  private connections: Redis[] = [];

  constructor(private readonly config: AppConfig) {}

  /** Installs the adapter on `server`; leaves the in-memory adapter in the embedded mode. */
  install(server: GalleryServer): void {
    if (!this.config.redisUrl) return;
    // Broadcasts made while Redis is down wait in the offline queue instead of rejecting
    // (the adapter does not catch its publishes).
    const pub = createRedis(this.config.redisUrl, 'socket.io pub', { maxRetriesPerRequest: null });
    const sub = createRedis(this.config.redisUrl, 'socket.io sub');
    this.connections = [pub, sub];
    server.adapter(createAdapter(pub, sub, { key: SOCKET_IO_KEY }));
  }

  /** Runs after Nest closed the Socket.IO server, so the adapter has already unsubscribed. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
    this.connections = [];
  }
}
