import type { DynamicModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Accepted from a proxy's X-Request-Id so one id follows a request through Caddy and the api. */
const INCOMING_ID = /^[\w.:-]{8,128}$/;

/** First middleware: every request gets an id, returned as X-Request-Id (and in error bodies). */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.get('x-request-id');
  const id = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
  (req as { id?: string }).id = id;
  res.setHeader('X-Request-Id', id);
  next();
}

function prettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

type Req = IncomingMessage & {
  id?: string;
  user?: { id?: string };
  route?: { path?: string };
  baseUrl?: string;
};

/**
 * Structured logs (pino): JSON in production, pretty in development when pino-pretty is
 * installed. One line per request with its id, user, route pattern, status and latency; cookies,
 * Set-Cookie and Authorization are redacted.
 */
export function loggingModule(): DynamicModule {
  const pretty = process.env.NODE_ENV !== 'production' && prettyAvailable();
  return LoggerModule.forRoot({
    pinoHttp: {
      // jest sets NODE_ENV=test: request lines would bury the test report.
      level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
      transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
      genReqId: (req: IncomingMessage) => (req as Req).id ?? randomUUID(),
      customProps: (req: IncomingMessage) => {
        const r = req as Req;
        return {
          userId: r.user?.id,
          route: r.route?.path ? `${r.baseUrl ?? ''}${r.route.path}` : undefined,
        };
      },
      // One line per request is the busiest thing the logger does: pino's default serializers copy
      // every header (then redact some), a measurable share of a small read's CPU (bench/read).
      // The line keeps what answers "which request, whose, how did it end": headers stay out.
      serializers: {
        req: (req: { id?: string; method?: string; url?: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      customSuccessMessage: (req: IncomingMessage, res: ServerResponse, ms: number) =>
        `${req.method} ${req.url} ${res.statusCode} ${Math.round(ms)} ms`,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-xsrf-token"]',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      // Health probes every second from each load balancer would drown everything else.
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
    },
  });
}
