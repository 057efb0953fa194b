import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDER_CALL_HEADER, renderCallHeader } from '../common/render-calls';
import { carriesSessionCookie } from '../session/session-cookie';

/**
 * The pages the web app renders on the server (frontend/src/app/app.routes.server.ts): explore,
 * search, a painter, an artwork. Everything else is drawn by the browser from index.csr.html.
 */
const RENDERED = /^\/(?:|search|u\/[^/]+|a\/[^/]+)\/?$/;
/** A render that takes longer than this gives the browser-drawn page instead. */
const RENDER_TIMEOUT_MS = 5_000;

/** What frontend/src/server.ts exports; typed here, the bundle is plain ESM built by Angular. */
interface ServerBundle {
  createEngine(allowedHosts: string[]): {
    handle(request: Request, context?: unknown): Promise<Response | null>;
  };
}

/**
 * Angular's server-side rendering of the public pages, for signed-out visits: their html then
 * holds the content (the largest paint needs no script, link unfurlers see the work) and the
 * api answers the render used, which the browser takes over instead of asking again.
 * Signed-in visits keep the browser-drawn page: their header, menus and realtime are theirs
 * alone, and a rendered page could only be cached per person.
 */
export class ServerRenderer {
  private readonly logger = new Logger('SSR');

  private constructor(
    private readonly engine: ReturnType<ServerBundle['createEngine']>,
    private readonly publicOrigin: string,
    private readonly apiOrigin: string,
  ) {}

  /** The renderer of the build beside `webDir` (`../server/server.mjs`), or null when it has none. */
  static async load(webDir: string, publicUrl: string, port: number): Promise<ServerRenderer | null> {
    const entry = join(webDir, '..', 'server', 'server.mjs');
    if (!existsSync(entry)) return null;
    const bundle = (await import(pathToFileURL(entry).href)) as ServerBundle;
    const origin = new URL(publicUrl);
    return new ServerRenderer(
      bundle.createEngine([origin.hostname]),
      origin.origin,
      `http://127.0.0.1:${port}`,
    );
  }

  /** Whether this request gets a rendered page: a GET of a public page, without a session. */
  static wants(method: string, path: string, cookie: string | undefined): boolean {
    return (method === 'GET' || method === 'HEAD') && RENDERED.test(path) && !carriesSessionCookie(cookie);
  }

  /**
   * The page's html for `url` (path and query), or null when it should be drawn by the browser.
   * `visitorIp` is whom the render's api calls count for in the rate limits.
   */
  async render(url: string, visitorIp: string): Promise<string | null> {
    try {
      const request = new Request(this.publicOrigin + url, { headers: { accept: 'text/html' } });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), RENDER_TIMEOUT_MS);
      });
      const response = await Promise.race([
        this.engine.handle(request, {
          publicOrigin: this.publicOrigin,
          apiOrigin: this.apiOrigin,
          apiHeaders: { [RENDER_CALL_HEADER]: renderCallHeader(visitorIp) },
        }),
        timeout,
      ]).finally(() => clearTimeout(timer));
      if (!response) {
        this.logger.warn(`${url}: no rendered page, the browser draws it`);
        return null;
      }
      if (response.status !== 200) return null;
      return await response.text();
    } catch (error) {
      this.logger.error(`${url}: rendering failed, the browser draws it: ${String(error)}`);
      return null;
    }
  }
}

/** Inline scripts that run: no src, and not a data block such as Angular's ng-state JSON. */
const INLINE_SCRIPT =
  /<script\b(?![^>]*\bsrc=)(?![^>]*\btype="application\/json")[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The Content-Security-Policy `csp` with the inline scripts of `html` allowed by their hash. A
 * rendered page carries Angular's event-replay scripts (they record clicks made before the app
 * has taken the page over); the policy stays `script-src 'self'` for everything else.
 */
export function allowInlineScripts(csp: string, html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`)
    .filter((hash, i, all) => all.indexOf(hash) === i);
  if (!hashes.length) return csp;
  return csp.replace(
    /(^|;)\s*script-src ([^;]*)/,
    (_all, lead: string, sources: string) => `${lead}script-src ${sources.trim()} ${hashes.join(' ')}`,
  );
}
