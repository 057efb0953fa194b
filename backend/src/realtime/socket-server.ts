import { Injectable } from '@nestjs/common';
import type { ClientToServerEvents, ServerToClientEvents } from '@gallery/contracts';
import type { DefaultEventsMap, Server, Socket } from 'socket.io';

/** What the gateway keeps on each socket (plain data: the Redis adapter may serialize it). */
export interface SocketData {
  userId: string;
}

/** The Socket.IO server, typed so that only events declared in the contracts can be emitted. */
export type GalleryServer = Server<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;
export type GallerySocket = Socket<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;

/**
 * Holds the server once the gateway has it. Emitters depend on this rather than on the gateway,
 * so a feature can both inject RealtimeEmitter and provide ArtworkAccess without a cycle.
 */
@Injectable()
export class SocketServer {
  private current: GalleryServer | null = null;

  /** The server, or null until the gateway is initialised. */
  get server(): GalleryServer | null {
    return this.current;
  }

  /** Called by the gateway once Nest has created the server. */
  attach(server: GalleryServer): void {
    this.current = server;
  }
}
