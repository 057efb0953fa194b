import {
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import { readCacheTotal } from '../observability/metrics';
import { carriesSessionCookie } from '../session/session-cookie';
import { DataVersion } from './data-version';
import { ReadCache } from './read-cache';

/**
 * Marks a GET whose answer to a signed-out visitor depends only on its URL and the database
 * (the artwork page and its comments, explore, a painter's works, search). Such answers are kept by URL and served
 * again, without the handler, while the data version has not moved (read-cache.lane.ts).
 * Signed-in requests always run the handler: their answers carry the viewer's likes and blocks.
 *
 * What these reads show must live in tables outside written-table.ts's list, so that every
 * write to it moves the version.
 */
export const CachedRead = () => UseInterceptors(CachedReadInterceptor);

/** Headers that belong to one response, never to the cached answer. */
const PER_RESPONSE = new Set(['set-cookie', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

@Injectable()
export class CachedReadInterceptor implements NestInterceptor {
  constructor(
    private readonly cache: ReadCache,
    private readonly version: DataVersion,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (!this.cache.enabled || req.method !== 'GET' || req.user || carriesSessionCookie(req.headers.cookie)) {
      return next.handle();
    }
    // Read before the handler reads anything: a write committed meanwhile moves the version
    // past this one, so an answer that may predate it is never served.
    return from(this.version.current()).pipe(
      switchMap((version) => {
        if (version !== null) this.keepAnswer(ctx, version);
        return next.handle();
      }),
    );
  }

  /** Wraps res.end once to copy a 200's body and the headers set since the handler started. */
  private keepAnswer(ctx: ExecutionContext, version: string): void {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const before = new Set(res.getHeaderNames());
    const route = `${req.baseUrl}${(req.route as { path: string }).path}`;
    const url = req.originalUrl;
    const cache = this.cache;
    const end = res.end;
    res.end = function keepAndEnd(this: Response, ...args: unknown[]) {
      res.end = end;
      const [chunk, encoding] = args;
      const body =
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.isBuffer(chunk)
            ? chunk
            : null;
      if (res.statusCode === 200 && body && !res.hasHeader('set-cookie')) {
        const headers: [string, string][] = [];
        for (const name of res.getHeaderNames()) {
          if (before.has(name) || PER_RESPONSE.has(name) || name === 'content-length') continue;
          headers.push([name, String(res.getHeader(name))]);
        }
        const etag = res.getHeader('etag');
        cache.set(url, {
          version,
          headers,
          etag: etag === undefined ? undefined : String(etag),
          body,
          route,
          controller: ctx.getClass(),
          handler: ctx.getHandler() as (...a: never[]) => unknown,
        });
        readCacheTotal.inc({ result: 'stored' });
      }
      return (end as (...a: unknown[]) => Response).apply(this, args);
    } as Response['end'];
  }
}
