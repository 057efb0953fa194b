import { ROOMS, type ServerToClientEvents } from '@gallery/contracts';
import { Emitter } from '@socket.io/redis-emitter';
import type Redis from 'ioredis';
import { RealtimeEmitter } from './realtime-emitter';
import { SOCKET_IO_KEY } from './redis-adapter';

/**
 * RealtimeEmitter for processes without a Socket.IO server (the worker): publishes on the
 * channels the api's Redis adapter listens to, so every api instance delivers to its sockets.
 */
export class RedisEmitter extends RealtimeEmitter {
  private readonly emitter: Emitter<ServerToClientEvents>;

  /** `redis` is a regular (non-subscriber) connection; publishing needs nothing else. */
  constructor(redis: Redis) {
    super();
    this.emitter = new Emitter<ServerToClientEvents>(redis, { key: SOCKET_IO_KEY });
  }

  toRooms<E extends keyof ServerToClientEvents>(
    rooms: string[],
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    // `to([])` would broadcast to every socket.
    if (rooms.length === 0) return;
    this.emitter.to(rooms).emit(event, ...args);
  }

  joinRoom(userIds: string[], room: string): void {
    if (userIds.length) this.emitter.in(userIds.map(ROOMS.user)).socketsJoin(room);
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
