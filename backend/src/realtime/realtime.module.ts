import { Global, Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { ArtworkAccess, NoArtworkAccess } from './artwork-access';
import { RealtimeConnections } from './realtime-connections';
import { RealtimeEmitter } from './realtime-emitter';
import { RealtimeGateway } from './realtime.gateway';
import { SocketRedisAdapter } from './redis-adapter';
import { ServerEmitter } from './server.emitter';
import { SocketServer } from './socket-server';
import { DEFAULT_SESSION_RECHECK_MS, SESSION_RECHECK_MS, SessionRecheck } from './session-recheck';

export interface RealtimeOptions {
  /**
   * Who may watch which album: the module that exports an ArtworkAccess implementation, and that
   * class (any class with a matching `canView`). Without it no album can be watched (NoArtworkAccess).
   * @example RealtimeModule.forRoot({ albumAccess: { imports: [ArtworksModule], useExisting: ArtworksService } })
   */
  albumAccess?: { imports: NonNullable<ModuleMetadata['imports']>; useExisting: Type<ArtworkAccess> };
}

/**
 * The api's Socket.IO gateway, and RealtimeEmitter for every module. Global, like storage: albums,
 * chat and jobs all emit, and the albums module in turn provides ArtworkAccess to the gateway.
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
        SessionRecheck,
        { provide: SESSION_RECHECK_MS, useValue: DEFAULT_SESSION_RECHECK_MS },
        { provide: RealtimeEmitter, useClass: ServerEmitter },
        access
          ? { provide: ArtworkAccess, useExisting: access.useExisting }
          : { provide: ArtworkAccess, useClass: NoArtworkAccess },
      ],
      exports: [RealtimeEmitter, RealtimeConnections, SocketServer, SessionRecheck],
    };
  }
}
