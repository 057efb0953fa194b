import { Global, Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { AlbumAccess, NoAlbumAccess } from './album-access';
import { RealtimeConnections } from './realtime-connections';
import { RealtimeEmitter } from './realtime-emitter';
import { RealtimeGateway } from './realtime.gateway';
import { SocketRedisAdapter } from './redis-adapter';
import { ServerEmitter } from './server.emitter';
import { SocketServer } from './socket-server';

export interface RealtimeOptions {
  /**
   * Who may watch which album: the module that exports an AlbumAccess implementation, and that
   * class (any class with a matching `canView`). Without it no album can be watched (NoAlbumAccess).
   * @example RealtimeModule.forRoot({ albumAccess: { imports: [AlbumsModule], useExisting: AlbumsService } })
   */
  albumAccess?: { imports: NonNullable<ModuleMetadata['imports']>; useExisting: Type<AlbumAccess> };
}

/**
 * The api's Socket.IO gateway, and RealtimeEmitter for every module. Global, like storage: albums,
 * chat and jobs all emit, and the albums module in turn provides AlbumAccess to the gateway.
 */
@Global()
@Module({})
export class RealtimeModule {
  static forRoot(options: RealtimeOptions = {}): DynamicModule {
    const access = options.albumAccess;
    return {
      module: RealtimeModule,
      imports: access?.imports ?? [],
      providers: [
        SocketServer,
        SocketRedisAdapter,
        RealtimeConnections,
        RealtimeGateway,
        { provide: RealtimeEmitter, useClass: ServerEmitter },
        access
          ? { provide: AlbumAccess, useExisting: access.useExisting }
          : { provide: AlbumAccess, useClass: NoAlbumAccess },
      ],
      exports: [RealtimeEmitter, RealtimeConnections, SocketServer],
    };
  }
}
