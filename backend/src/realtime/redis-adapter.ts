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
    // Broadcasts made while Redis is down wait in the offline queue instead of rejecting.
    const pub = createRedis(this.config.redisUrl, 'socket.io pub', { maxRetriesPerRequest: null });
    const sub = createRedis(this.config.redisUrl, 'socket.io sub');
    handleUnawaited(pub, ['publish']);
    handleUnawaited(sub, ['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe']);
    this.connections = [pub, sub];
    server.adapter(createAdapter(pub, sub, { key: SOCKET_IO_KEY }));
  }

  /**
   * Runs after Nest closed the Socket.IO server (the adapter has sent its unsubscribes). A
   * connection that is down is dropped at once: quit() would queue behind those unsubscribes and
   * wait for Redis to come back.
   */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.connections.map(async (c) => {
        if (c.status !== 'ready') return c.disconnect();
        await c.quit().catch(() => c.disconnect());
      }),
    );
    this.connections = [];
  }
}

type Command = (...args: unknown[]) => Promise<unknown>;

/**
 * The adapter fires these commands without awaiting them: a publish per broadcast, and the
 * unsubscribes of close() (ioredis' own resubscribe after a reconnect too). With Redis down they
 * reject — MaxRetriesPerRequestError, or "Connection is closed." once the client is dropped at
 * shutdown — and nothing would handle that: an unhandled rejection, which ends a Node process by
 * default and fails whichever test is running in jest. Each call's promise gets a
 * handler here; a caller that awaits it still sees the error. The outage itself is logged once by
 * watchRedis.
 */
function handleUnawaited(client: Redis, names: readonly string[]): void {
  const commands = client as unknown as Record<string, Command>;
  for (const name of names) {
    const command = commands[name]!.bind(client);
    commands[name] = (...args) => {
      const result = command(...args);
      result.catch(() => {});
      return result;
    };
  }
}
