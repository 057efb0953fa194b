import { Inject, UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { SkipThrottle } from '@nestjs/throttler';
import { ROOMS, type Ack } from '@gallery/contracts';
import type { RequestHandler } from 'express';
import { AppConfig } from '../config/app-config';
import { SESSION_MIDDLEWARE } from '../session/session.module';
import { AckExceptionFilter } from './ack-exception.filter';
import { ArtworkAccess } from './artwork-access';
import { ArtworkRoomDto } from './dto';
import { authenticateHandshake, refuseForeignOrigins } from './handshake';
import { RealtimeConnections } from './realtime-connections';
import { SocketRedisAdapter } from './redis-adapter';
import { SESSION_GONE, SessionRecheck } from './session-recheck';
import { SocketServer, type GalleryServer, type GallerySocket } from './socket-server';

/**
 * The one Socket.IO endpoint (default namespace, /socket.io) on the api's HTTP server. Every
 * signed-in socket is in the public room and its user's room; album rooms are joined on request.
 * Client events are validated by the global ValidationPipe; failures become ack errors.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
@UseFilters(AckExceptionFilter)
// The global HTTP throttler keys on req.ip, which a socket lacks: every socket would share one
// bucket (and a null payload would crash it). Limits per socket belong with the events needing them.
@SkipThrottle()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    @Inject(SESSION_MIDDLEWARE) private readonly session: RequestHandler,
    private readonly sockets: SocketServer,
    private readonly redisAdapter: SocketRedisAdapter,
    private readonly connections: RealtimeConnections,
    private readonly albums: ArtworkAccess,
    private readonly config: AppConfig,
    private readonly sessions: SessionRecheck,
  ) {}

  /** Runs once Nest created the server, before it accepts connections. */
  afterInit(server: GalleryServer): void {
    this.redisAdapter.install(server);
    refuseForeignOrigins(server, this.config.publicUrl);
    authenticateHandshake(server, this.session);
    this.sockets.attach(server);
  }

  handleConnection(socket: GallerySocket): void {
    const { userId } = socket.data;
    // Adapters in use join synchronously; `void` only satisfies the Promise in join's signature.
    void socket.join([ROOMS.public, ROOMS.user(userId)]);
    this.connections.add(userId, socket.id);
  }

  handleDisconnect(socket: GallerySocket): void {
    this.connections.remove(socket.data.userId, socket.id);
  }

  /** Follow an album's stages live; "not found" for albums the user may not see, or that don't exist. */
  @SubscribeMessage('album:watch')
  async watchArtwork(
    @ConnectedSocket() socket: GallerySocket,
    @MessageBody() { albumId }: ArtworkRoomDto,
  ): Promise<Ack> {
    if (!(await this.sessions.ensure(socket))) return SESSION_GONE;
    if (!(await this.albums.canView(socket.data.userId, albumId)))
      return { ok: false, error: 'not found', code: 'ARTWORK_NOT_FOUND' };
    await socket.join(ROOMS.album(albumId));
    return { ok: true };
  }

  /** Stop following an album; always allowed, also for albums never watched. */
  @SubscribeMessage('album:unwatch')
  async unwatchArtwork(
    @ConnectedSocket() socket: GallerySocket,
    @MessageBody() { albumId }: ArtworkRoomDto,
  ): Promise<Ack> {
    await socket.leave(ROOMS.album(albumId));
    return { ok: true };
  }
}
