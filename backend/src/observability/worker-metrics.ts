import { createServer, type Server } from 'node:http';
import { registry } from './metrics';

/**
 * A worker's Prometheus endpoint (`GET /metrics`) on its own port; nothing else listens there.
 * Keep the port on the private network: like the api's, it needs METRICS_TOKEN when one is set.
 */
export function serveWorkerMetrics(port: number, token: string | null): Server {
  return createServer((req, res) => {
    if (req.url !== '/metrics') return void res.writeHead(404).end();
    if (token && req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(401).end();
    registry
      .metrics()
      .then((body) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(body))
      .catch(() => res.writeHead(500).end());
  }).listen(port);
}
