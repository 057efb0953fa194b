import { Logger } from '@nestjs/common';
import { ROOMS, type ServerToClientEvents } from '@gallery/contracts';
import { Emitter } from '@socket.io/redis-emitter';
import type Redis from 'ioredis';
import { RealtimeEmitter } from './realtime-emitter';
import { SOCKET_IO_KEY } from './redis-adapter';

/** What the Socket.IO emitter needs of a Redis client. */
interface Publisher {
  publish(channel: string, message: string): Promise<unknown>;
}

/** Events held while Redis is down; beyond this the oldest are dropped (the stage rows stay right). */
const MAX_HELD = 10_000;
/** How long a flush waits for an api to be subscribed again before publishing anyway. */
const SUBSCRIBER_WAIT_MS = 10_000;

/**
 * RealtimeEmitter for processes without a Socket.IO server (the worker): publishes on the
 * channels the api's Redis adapter listens to, so every api instance delivers to its sockets.
 *
 * Give it a connection of its own with `enableOfflineQueue: false`. While Redis is down, events
 * are held here (up to MAX_HELD) and published once Redis is back and an api has subscribed
 * again: pub/sub keeps nothing, so publishing before the apis' adapters resubscribe would lose
 * them. So a stage finished during an outage still reaches its watchers. A failed publish is
 * never an unhandled rejection (that used to end the worker).
 */
export class RedisEmitter extends RealtimeEmitter {
  private readonly logger = new Logger('RedisEmitter');
  private readonly emitter: Emitter<ServerToClientEvents>;
  private readonly held: [string, string][] = [];
  private flushing = false;

  constructor(private readonly redis: Redis) {
    super();
    const publisher: Publisher = { publish: (channel, message) => this.publish(channel, message) };
    this.emitter = new Emitter<ServerToClientEvents>(publisher as never, { key: SOCKET_IO_KEY });
    redis.on('ready', () => void this.flush());
  }

  /** Number of events waiting for Redis (tests, metrics). */
  get heldCount(): number {
    return this.held.length;
  }

  private async publish(channel: string, message: string): Promise<number> {
    if (this.held.length || this.redis.status !== 'ready') return this.hold(channel, message);
    try {
      return await this.redis.publish(channel, message);
    } catch {
      return this.hold(channel, message);
    }
  }

  private hold(channel: string, message: string): number {
    if (this.held.length === 0)
      this.logger.warn('Redis unavailable: holding realtime events until it is back');
    if (this.held.length >= MAX_HELD) this.held.shift();
    this.held.push([channel, message]);
    return 0;
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.held.length === 0) return;
    this.flushing = true;
    try {
      const deadline = Date.now() + SUBSCRIBER_WAIT_MS;
      // The api adapters psubscribe to the broadcast pattern; wait for at least one to be back.
      while (Date.now() < deadline && this.redis.status === 'ready') {
        const patterns = await this.redis.pubsub('NUMPAT').catch(() => 0);
        if (Number(patterns) > 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      // Other apis reconnect on the same schedule; give them a moment too.
      await new Promise((r) => setTimeout(r, 1000));
      let sent = 0;
      while (this.held.length && this.redis.status === 'ready') {
        const [channel, message] = this.held[0];
        try {
          await this.redis.publish(channel, message);
        } catch {
          break;
        }
        this.held.shift();
        sent++;
      }
      if (sent) this.logger.log(`Redis back: published ${sent} held realtime event(s)`);
    } finally {
      this.flushing = false;
    }
  }

  toRoomsExcept<E extends keyof ServerToClientEvents>(
    rooms: string[],
    except: string[],
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    // `to([])` would broadcast to every socket.
    if (rooms.length === 0) return;
    this.emitter
      .to(rooms)
      .except(except)
      .emit(event, ...args);
  }

  joinRoom(userIds: string[], room: string): void {
    if (userIds.length) this.emitter.in(userIds.map(ROOMS.user)).socketsJoin(room);
  }

  leave(room: string, keep: string[] = []): void {
    this.emitter.in(room).except(keep).socketsLeave(room);
  }

  leaveRoom(userIds: string[], room: string): void {
    if (userIds.length) this.emitter.in(userIds.map(ROOMS.user)).socketsLeave(room);
  }

  evictRoom(room: string, keepUserIds: string[]): void {
    this.emitter.in(room).except(keepUserIds.map(ROOMS.user)).socketsLeave(room);
  }

  disconnectUser(userId: string): void {
    this.emitter.in(ROOMS.user(userId)).disconnectSockets(true);
  }
}
