import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArtworksService } from '../artworks/artworks.service';
import { toIso } from '../database/dialect';
import { AppConfig } from '../config/app-config';
import { compressLarger } from './compress';
import { escapeHtml, withPreviewTags } from './html';
import { LinkPreviews } from './link-previews';
import { RenderedPages, type RenderedPage } from './rendered-pages';
import { ServerRenderer, allowInlineScripts } from './ssr';

/** Sitemaps hold at most 50 000 URLs. */
const SITEMAP_MAX = 50_000;
/**
 * Angular puts a content hash in every emitted script, style and font name (`chunk-2EYWAIQU.js`;
 * merged chunks get rollup's `chunk-BH-D8PUj.js`, `chunk-_rtJKFGW.js`), also when served
 * precompressed (`.js.br`); index.html and the rest keep their names.
 */
const HASHED = /[-.][0-9a-z_-]{8,}\.(js|css|woff2?)(\.(br|gz))?$|\/media\//i;

/**
 * Everything outside /api that a browser, a crawler or a link unfurler asks for: the built
 * Angular app (precompressed brotli/gzip files chosen by Accept-Encoding, hashed files cached
 * for a year, index.html revalidated), the app's routes answered with index.html (with Open Graph
 * tags on shareable pages), /robots.txt and /sitemap.xml. Also gzip for api answers over 1 KB.
 */
@Injectable()
export class WebDelivery implements OnApplicationBootstrap {
  private readonly logger = new Logger('Web');
  private indexHtml: Promise<string | null> | null = null;
  private renderer: Promise<ServerRenderer | null> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly previews: LinkPreviews,
    private readonly artworks: ArtworksService,
    private readonly pages: RenderedPages,
  ) {}

  /** Loads the server renderer now rather than on the first visit (it takes a few hundred ms). */
  onApplicationBootstrap(): void {
    void this.serverRenderer();
  }

  /** Mounted before the api's routes; passes every /api and /socket.io request through. */
  handlers(): RequestHandler[] {
    const router = Router();
    router.get('/robots.txt', (req, res) => void this.robots(req, res));
    router.get('/sitemap.xml', (req, res, next) => this.sitemap(res).catch(next));
    // The embeddable film's public address; the page itself is served by the api (process/).
    router.get('/embed/a/:id', (req, res) =>
      res.redirect(302, `/api/embed/a/${encodeURIComponent(req.params.id!)}`),
    );
    const webDir = this.config.webDir;
    if (webDir) {
      router.use(
        expressStaticGzip(webDir, {
          enableBrotli: true,
          orderPreference: ['br', 'gz'],
          index: false,
          serveStatic: {
            setHeaders: (res, path) =>
              res.setHeader(
                'Cache-Control',
                HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
              ),
          },
        }),
      );
    }
    router.get('/{*path}', (req, res, next) => this.appPage(req, res).catch(next));
    // JSON and HTML over 1 KB; images are already compressed and precompressed files say so.
    return [compressLarger(1024), skipApi(router)];
  }

  private robots(_req: Request, res: Response): void {
    const base = this.config.publicUrl;
    res
      .type('text/plain')
      .setHeader('Cache-Control', 'public, max-age=3600')
      .send(`User-agent: *\nAllow: /\nAllow: /api/media/\nDisallow: /api/\n\nSitemap: ${base}/sitemap.xml\n`);
  }

  private async sitemap(res: Response): Promise<void> {
    const base = this.config.publicUrl;
    const works = await this.artworks.publicIndex(SITEMAP_MAX);
    const painters = new Map<string, string>();
    for (const w of works) if (!painters.has(w.username)) painters.set(w.username, toIso(w.updatedAt));
    const url = (loc: string, lastmod: string) =>
      `<url><loc>${escapeHtml(base + loc)}</loc><lastmod>${lastmod}</lastmod></url>`;
    const urls = [
      ...works.map((w) => url(`/a/${w.id}`, toIso(w.updatedAt))),
      ...[...painters]
        .slice(0, SITEMAP_MAX - works.length)
        .map(([u, at]) => url(`/u/${encodeURIComponent(u)}`, at)),
    ];
    res
      .type('application/xml')
      .setHeader('Cache-Control', 'public, max-age=600')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
      );
  }

  /**
   * Any other page is an app route: rendered by the server for a signed-out visit of a public
   * page (ssr.ts), else the app's html for the browser to draw; with link-preview tags where
   * they apply.
   */
  private async appPage(req: Request, res: Response): Promise<void> {
    const baseCsp = res.getHeader('Content-Security-Policy');
    const page = ServerRenderer.wants(req.method, req.path, req.headers.cookie)
      ? await this.pages.get(req.originalUrl, () => this.renderPage(req, baseCsp))
      : null;
    if (page) {
      if (page.csp !== null) res.setHeader('Content-Security-Policy', page.csp);
      this.sendPage(res, page.html);
      return;
    }
    const html = await this.index();
    if (html === null) {
      res.status(404).type('text/plain').send('The web app is not built here (npm run build).');
      return;
    }
    const tags = await this.previews.forPath(req.path, req.query as Record<string, unknown>);
    this.sendPage(res, tags ? withPreviewTags(html, tags) : html);
  }

  /** The server-rendered page with its link-preview tags and CSP; null: the browser draws it. */
  private async renderPage(req: Request, baseCsp: unknown): Promise<RenderedPage | null> {
    const renderer = await this.serverRenderer();
    const rendered = (await renderer?.render(req.originalUrl, req.ip ?? '')) ?? null;
    if (rendered === null) return null;
    const tags = await this.previews.forPath(req.path, req.query as Record<string, unknown>);
    return {
      html: tags ? withPreviewTags(rendered, tags) : rendered,
      csp: typeof baseCsp === 'string' ? allowInlineScripts(baseCsp, rendered) : null,
    };
  }

  private sendPage(res: Response, html: string): void {
    res
      .type('text/html')
      .setHeader('Cache-Control', 'no-cache')
      // Signed-in visits get the browser-drawn page, signed-out ones the rendered one.
      .vary('Cookie')
      .send(html);
  }

  /** The server renderer of the build, loaded on first use; null without one (or without a build). */
  private serverRenderer(): Promise<ServerRenderer | null> {
    const webDir = this.config.webDir;
    if (!webDir) return Promise.resolve(null);
    this.renderer ??= ServerRenderer.load(webDir, this.config.publicUrl, this.config.port).catch(
      (err: unknown) => {
        this.logger.error(
          `server rendering unavailable: ${err instanceof Error ? err.message : String(err)}`,
        );
        return null;
      },
    );
    return this.renderer;
  }

  /**
   * The html the browser draws the app from: a build with server rendering names it
   * index.csr.html, one without index.html.
   */
  private index(): Promise<string | null> {
    const webDir = this.config.webDir;
    if (!webDir) return Promise.resolve(null);
    this.indexHtml ??= readFile(join(webDir, 'index.csr.html'), 'utf8')
      .catch(() => readFile(join(webDir, 'index.html'), 'utf8'))
      .catch((err: unknown) => {
        this.logger.warn(`no index.html in ${webDir}: ${err instanceof Error ? err.message : String(err)}`);
        this.indexHtml = null;
        return null;
      });
    return this.indexHtml;
  }
}

/** The api and the socket have their own routers: the web layer never answers for them. */
function skipApi(handler: RequestHandler): RequestHandler {
  return (req, res, next) =>
    req.path.startsWith('/api/') || req.path === '/api' || req.path.startsWith('/socket.io/')
      ? next()
      : handler(req, res, next);
}
