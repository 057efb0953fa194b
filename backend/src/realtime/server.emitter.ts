import { Injectable, Logger } from '@nestjs/common';
import { ROOMS, type ServerToClientEvents } from '@gallery/contracts';
import { RealtimeEmitter } from './realtime-emitter';
import { SocketServer } from './socket-server';

/** RealtimeEmitter of the api: emits through its own Socket.IO server (and so its adapter). */
@Injectable()
export class ServerEmitter extends RealtimeEmitter {
  private readonly logger = new Logger(ServerEmitter.name);

  constructor(private readonly sockets: SocketServer) {
    super();
  }

  toRoomsExcept<E extends keyof ServerToClientEvents>(
    rooms: string[],
    except: string[],
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    // `to([])` would broadcast to every socket.
    if (rooms.length === 0) return;
    const server = this.sockets.server;
    if (!server) {
      // Only possible while the app is still starting; losing a live update beats failing the caller.
      this.logger.warn(`dropped ${event}: the Socket.IO server is not running yet`);
      return;
    }
    server
      .to(rooms)
      .except(except)
      .emit(event, ...args);
  }

  joinRoom(userIds: string[], room: string): void {
    if (userIds.length) this.sockets.server?.in(userIds.map(ROOMS.user)).socketsJoin(room);
  }

  leave(room: string, keep: string[] = []): void {
    this.sockets.server?.in(room).except(keep).socketsLeave(room);
  }

  leaveRoom(userIds: string[], room: string): void {
    if (userIds.length) this.sockets.server?.in(userIds.map(ROOMS.user)).socketsLeave(room);
  }

  evictRoom(room: string, keepUserIds: string[]): void {
    this.sockets.server?.in(room).except(keepUserIds.map(ROOMS.user)).socketsLeave(room);
  }

  disconnectUser(userId: string): void {
    this.sockets.server?.in(ROOMS.user(userId)).disconnectSockets(true);
  }
}
