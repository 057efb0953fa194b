import {
  Global,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SocketServer } from '../realtime/socket-server';
import { MetricsController } from './metrics.controller';
import { socketSources } from './metrics';

@Injectable()
class SocketCount implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly count = () => this.sockets.server?.engine.clientsCount ?? 0;
  constructor(private readonly sockets: SocketServer) {}
  onApplicationBootstrap(): void {
    socketSources.add(this.count);
  }
  onApplicationShutdown(): void {
    socketSources.delete(this.count);
  }
}

/** The api's /api/metrics (Prometheus) and the socket gauge; HTTP timing is in app.setup.ts. */
@Global()
@Module({ controllers: [MetricsController], providers: [SocketCount] })
export class ObservabilityModule {}
