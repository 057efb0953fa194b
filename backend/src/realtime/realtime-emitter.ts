import type { ServerToClientEvents } from '@gallery/contracts';

/**
 * Sends a server event to sockets in rooms, wherever they are connected. Features (albums, chat,
 * jobs) depend on this port only. In the api it is ServerEmitter (through the Socket.IO server
 * and, with Redis, its adapter); in a worker without a Socket.IO server it is RedisEmitter.
 */
export abstract class RealtimeEmitter {
  /**
   * Emits `event` once to every socket in any of `rooms` (a socket in two of them gets it once).
   * An empty list reaches nobody, never everyone. Fire and forget: nothing waits for delivery.
   */
  toRooms<E extends keyof ServerToClientEvents>(
    rooms: string[],
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.toRoomsExcept(rooms, [], event, ...args);
  }

  /**
   * As toRooms, leaving out the sockets also in any of `except` (e.g. some members' user rooms,
   * who get their own copy). Socket.IO's except(), so across instances too. Adapters implement
   * this one; toRooms is it with nobody left out.
   */
  abstract toRoomsExcept<E extends keyof ServerToClientEvents>(
    rooms: string[],
    except: string[],
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;

  /** Puts every socket of these users, on any instance, into `room` (e.g. a new group member). */
  abstract joinRoom(userIds: string[], room: string): void;

  /**
   * Empties `room` on every instance, except for sockets also in one of `keep` (e.g. the owner's
   * user room): for when who may see what the room carries changes (an artwork made unlisted).
   */
  abstract leave(room: string, keep?: string[]): void;

  /** Takes every socket of these users out of `room`, at once (e.g. a removed member). */
  abstract leaveRoom(userIds: string[], room: string): void;

  /**
   * Empties `room` on every instance except for the sockets of `keepUserIds` (e.g. a hidden
   * artwork's watchers leave, its owner's sockets stay).
   */
  abstract evictRoom(room: string, keepUserIds: string[]): void;

  /**
   * Closes every socket of this user on every instance (sign-out, password change). Browsers
   * reconnect by themselves, and the handshake then admits only sessions that are still valid.
   */
  abstract disconnectUser(userId: string): void;
}
