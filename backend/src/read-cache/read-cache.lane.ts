import { Injectable } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { CSRF } from '@gallery/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { csrfTokens, PRE_SESSION_COOKIE, PRE_SESSION_VALUE } from '../session/csrf-tokens';
import { carriesSessionCookie } from '../session/session-cookie';
import { AppConfig } from '../config/app-config';
import { readCacheTotal } from '../observability/metrics';
import { GalleryThrottlerGuard } from '../throttling/throttling.module';
import { DataVersion } from './data-version';
import { ReadCache, type CachedAnswer } from './read-cache';

/** As web/compress.ts: answers from 1 KB on are compressed for clients that accept it. */
const COMPRESS_FROM = 1024;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/** Pre-session/XSRF pairs already checked: a returning visitor's pair, HMAC'd once. */
const MAX_CHECKED_PAIRS = 10_000;

/**
 * The fast lane for cached reads, early in the middleware chain. A signed-out GET whose URL has a
 * cached answer still current under the data version is answered here: the rate limits of its
 * route are counted exactly as the guard would, the answer goes out (304 on a matching ETag,
 * brotli or gzip made once per answer), and the request is logged and timed like any other.
 * Everything else — signed in, a first visit that needs its cookies, no entry, a moved version,
 * Redis down — goes on through the usual chain, where the handler's answer may be kept.
 *
 * Exact: a write moves the version before the writer's request answers (write-watch.ts), and an
 * entry is served only under the version read before its handler read the database.
 */
@Injectable()
export class ReadCacheLane {
  private readonly checked = new Set<string>();
  private readonly validFor: (token: string | undefined, binding: string) => boolean;

  constructor(
    private readonly cache: ReadCache,
    private readonly version: DataVersion,
    private readonly throttler: GalleryThrottlerGuard,
    config: AppConfig,
  ) {
    this.validFor = csrfTokens(config.sessionSecret).validFor;
  }

  handler(): RequestHandler {
    return (req, res, next) => {
      if (!this.cache.enabled || req.method !== 'GET' || !this.cache.size) return next();
      const entry = this.cache.get(req.url);
      if (!entry || !this.asksNothingOfTheChain(req)) return next();
      void this.serve(entry, req, res, next).catch(next);
    };
  }

  /**
   * Signed out, with the pre-session and XSRF cookies the csrf middleware would keep as they
   * are: the chain would set no cookie, so the cached answer is exactly what it would send.
   */
  private asksNothingOfTheChain(req: Request): boolean {
    const header = req.headers.cookie;
    if (!header || carriesSessionCookie(header)) return false;
    const pre = cookieValue(header, PRE_SESSION_COOKIE);
    const token = cookieValue(header, CSRF.cookie);
    if (!pre || !token || !PRE_SESSION_VALUE.test(pre)) return false;
    const pair = `${pre} ${token}`;
    if (this.checked.has(pair)) return true;
    if (!this.validFor(token, `pre:${pre}`)) return false;
    if (this.checked.size >= MAX_CHECKED_PAIRS) this.checked.clear();
    this.checked.add(pair);
    return true;
  }

  private async serve(entry: CachedAnswer, req: Request, res: Response, next: NextFunction): Promise<void> {
    const started = performance.now();
    if ((await this.version.current()) !== entry.version) return next();
    const encoding = this.encodingFor(req, entry);
    if (encoding === null) return next();
    // The route's own limits (the guard runs them all, skipIf included); over a limit, the usual
    // chain answers the 429 with its error body.
    const limited = await this.throttler
      .canActivate(new ExecutionContextHost([req, res, next], entry.controller, entry.handler))
      .then(
        () => false,
        () => true,
      );
    if (limited) return next();
    // The log line and the metrics label read the route as express's router would have set it.
    (req as { route?: unknown }).route = { path: entry.route };
    res.statusCode = 200;
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.vary('Accept-Encoding');
    if (req.fresh) {
      res.statusCode = 304;
      res.removeHeader('Content-Type');
      res.end();
    } else {
      const body = encoding === 'identity' ? entry.body : await this.encoded(req, entry, encoding);
      if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', body.length);
      res.end(body);
    }
    readCacheTotal.inc({ result: 'hit' });
    logServed(req, res.statusCode, entry.route, performance.now() - started);
  }

  /** br, gzip or identity as compression would choose; null for deflate (left to compression). */
  private encodingFor(req: Request, entry: CachedAnswer): 'br' | 'gzip' | 'identity' | null {
    if (!req.headers['accept-encoding'] || entry.body.length < COMPRESS_FROM) return 'identity';
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    if (accepted.has('br')) return 'br';
    if (accepted.has('gzip')) return 'gzip';
    return accepted.has('deflate') ? null : 'identity';
  }

  private async encoded(req: Request, entry: CachedAnswer, encoding: 'br' | 'gzip'): Promise<Buffer> {
    const kept = entry.encoded[encoding];
    if (kept) return kept;
    const body =
      encoding === 'br'
        ? await brotli(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
        : await gzipped(entry.body);
    this.cache.addEncoded(req.url, entry, encoding, body);
    return body;
  }
}

/** One request line, shaped as pino-http's (observability/logging.ts), marked `cached`. */
function logServed(req: Request, statusCode: number, route: string, ms: number): void {
  PinoLogger.root?.info(
    {
      req: {
        id: (req as { id?: string }).id,
        method: req.method,
        url: req.url,
        remoteAddress: req.socket.remoteAddress,
      },
      route,
      res: { statusCode },
      responseTime: Math.round(ms),
      cached: true,
    },
    `${req.method} ${req.url} ${statusCode} ${Math.round(ms)} ms`,
  );
}

/** Codings the client takes (q > 0), `*` standing for br and gzip, as compression reads them. */
function acceptedEncodings(header: string): Set<string> {
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (!name || (q && !(Number(q.slice(2)) > 0))) continue;
    if (name === '*') accepted.add('br').add('gzip');
    else accepted.add(name);
  }
  return accepted;
}

/** A cookie's raw value from the Cookie header; null when absent or percent-encoded. */
function cookieValue(header: string, name: string): string | null {
  let at = header.indexOf(`${name}=`);
  while (at > 0 && header[at - 1] !== ' ' && header[at - 1] !== ';') at = header.indexOf(`${name}=`, at + 1);
  if (at < 0) return null;
  const start = at + name.length + 1;
  const stop = header.indexOf(';', start);
  const value = header.slice(start, stop < 0 ? undefined : stop).trim();
  return value.includes('%') || value.startsWith('"') ? null : value;
}
