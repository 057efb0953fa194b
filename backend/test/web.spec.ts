import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Artwork } from '@gallery/contracts';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { renderCallHeader, renderCallVisitor } from '../src/common/render-calls';
import { ServerRenderer, allowInlineScripts } from '../src/web/ssr';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** Pages outside /api: the built app, link previews, robots.txt and the sitemap (embedded mode). */
describe('web delivery', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'gallery-web-'));
  const INDEX =
    '<!doctype html><html><head><title>Gallery</title></head><body><app-root></app-root></body></html>';
  const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
  let app: TestApp;
  let painter: TestClient;
  let open: Artwork;
  let hidden: Artwork;

  beforeAll(async () => {
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'main-ABCDEFGH.js'), SCRIPT);
    writeFileSync(join(webDir, 'main-ABCDEFGH.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(webDir, 'main-ABCDEFGH.js.gz'), gzipSync(SCRIPT));
    writeFileSync(join(webDir, 'chunk-_rtJ-FGW.js'), SCRIPT);
    app = await TestApp.start({
      database: 'sqlite',
      env: { WEB_DIR: webDir, PUBLIC_URL: 'http://gallery.test' },
    });
    painter = app.client();
    await painter.register('turner');
    open = await createArtwork(painter, 'Rain, Steam & <Speed>');
    await uploadStages(painter, open.id, [{ body: await png(320, 200, '#885522'), name: 'a.png' }]);
    open = await settled(painter, open.id);
    hidden = await createArtwork(painter, 'Secret study', { visibility: 'unlisted' });
  });
  afterAll(async () => {
    await app.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('gives a public artwork Open Graph and Twitter tags, escaped, with an absolute image', async () => {
    const res = await app.client().get(`/a/${open.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain(
      '<meta property="og:title" content="Rain, Steam &#38; &#60;Speed&#62; by turner">',
    );
    expect(res.text).toContain(`<meta property="og:url" content="http://gallery.test/a/${open.id}">`);
    expect(res.text).toMatch(
      /<meta property="og:image" content="http:\/\/gallery\.test\/api\/media\/previews\/[^"]+\.webp">/,
    );
    expect(res.text).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(res.text).not.toContain('<Speed>');
  });

  it("preloads the picture an artwork page opens on, as the page's <img> asks for it", async () => {
    const preload = (html: string) => /<link rel="preload" as="image"[^>]*>/.exec(html)?.[0] ?? null;
    const link = preload((await app.client().get(`/a/${open.id}`)).text);
    const image = open.stages[0]!.image!;
    expect(link).toContain('fetchpriority="high"');
    expect(link).toContain(`href="${image.previewUrl}"`);
    expect(link).toContain(`imagesrcset="${image.thumbUrl} 320w, ${image.previewUrl} 320w"`);
    expect(link).toContain('imagesizes="(min-width: 1000px) calc(100vw - 420px), 100vw"');
    // A comparison shows two pictures side by side: no single one to hurry.
    expect(preload((await app.client().get(`/a/${open.id}?compare=1,1`)).text)).toBeNull();
    expect(preload((await app.client().get(`/a/${open.id}?stage=1`)).text)).toBe(link);
  });

  it('gives an unlisted artwork nothing by id, but a preview through its share link', async () => {
    const byId = await app.client().get(`/a/${hidden.id}`);
    expect(byId.status).toBe(200);
    expect(byId.text).toBe(INDEX);
    const shared = await app.client().get(`/s/${hidden.shareCode}`);
    expect(shared.text).toContain('<meta property="og:title" content="Secret study by turner">');
  });

  it("gives a painter's page a profile preview, and unknown paths the plain app", async () => {
    expect((await app.client().get('/u/turner')).text).toContain(
      '<meta property="og:type" content="profile">',
    );
    const other = await app.client().get('/explore/anything');
    expect(other.status).toBe(200);
    expect(other.text).toBe(INDEX);
  });

  it('serves precompressed files by Accept-Encoding, hashed ones cached for a year', async () => {
    const br = await app.client().get('/main-ABCDEFGH.js').set('Accept-Encoding', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await app.client().get('/main-ABCDEFGH.js').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(SCRIPT);
    // Merged chunks carry rollup's hashes, with - and _ in them.
    const merged = await app.client().get('/chunk-_rtJ-FGW.js');
    expect(merged.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.client().get('/index.html')).headers['cache-control']).toBe('no-cache');
  });

  it('compresses api answers over 1 KB for clients that accept it', async () => {
    const res = await app.client().get(`/api/albums/${open.id}`).set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    // Brotli when offered first, as browsers do.
    const br = await app.client().get(`/api/albums/${open.id}`).set('Accept-Encoding', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body).toEqual(res.body);
  });

  it('sends small answers, images and clients without Accept-Encoding the plain bytes, varying alike', async () => {
    const get = (path: string, encoding?: string) => {
      const req = app.client().get(path);
      return encoding ? req.set('Accept-Encoding', encoding) : req.unset('Accept-Encoding');
    };
    const page = `/api/albums/${open.id}`;
    const plain = await get(page);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe((await get(page, 'gzip')).headers.vary);
    expect(plain.body).toEqual((await get(page, 'gzip')).body);
    // A small JSON answer: under the 1 KB threshold, the same headers either way.
    const small = await get('/api/health', 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.vary).toMatch(/Accept-Encoding/);
    expect((await get('/api/health')).headers.vary).toBe(small.headers.vary);
    // Images are compressed already: never re-encoded, and no Vary on Accept-Encoding.
    const image = new URL(open.stages[0]!.image!.previewUrl, 'http://x').pathname;
    for (const encoding of ['gzip', undefined]) {
      const res = await get(image, encoding);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary ?? '').not.toMatch(/Accept-Encoding/);
    }
  });

  it('serves a real robots.txt and a sitemap of public works and their painters', async () => {
    const robots = await app.client().get('/robots.txt');
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    expect(robots.text).toContain('Disallow: /api/');
    expect(robots.text).toContain('Sitemap: http://gallery.test/sitemap.xml');
    const sitemap = await app.client().get('/sitemap.xml');
    expect(sitemap.headers['content-type']).toMatch(/^application\/xml/);
    expect(sitemap.text).toContain(`<loc>http://gallery.test/a/${open.id}</loc>`);
    expect(sitemap.text).toContain('<loc>http://gallery.test/u/turner</loc>');
    expect(sitemap.text).not.toContain(hidden.id);
  });

  it('sends /embed/a/:id to the embeddable film page', async () => {
    const res = await app.client().get(`/embed/a/${open.id}`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/api/embed/a/${open.id}`);
  });

  it('leaves /api to the api: an unknown api path is a JSON 404, not the app', async () => {
    const res = await app.client().get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('serves the browser-drawn page when the build has no server renderer', async () => {
    const res = await app.client().get('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<app-root></app-root>');
    expect(res.headers.vary).toMatch(/Cookie/);
  });
});

describe('server-side rendering', () => {
  it('renders signed-out GETs of explore, search, a painter and an artwork only', () => {
    for (const path of ['/', '/search', '/u/turner', '/a/123', '/a/123/']) {
      expect(ServerRenderer.wants('GET', path, undefined)).toBe(true);
      expect(ServerRenderer.wants('GET', path, 'XSRF-TOKEN=x; gallery.pre=y')).toBe(true);
    }
    for (const path of ['/login', '/a/123/edit', '/s/code', '/chat', '/settings', '/u/turner/x']) {
      expect(ServerRenderer.wants('GET', path, undefined)).toBe(false);
    }
    expect(ServerRenderer.wants('GET', '/', 'XSRF-TOKEN=x; gallery.sid=s%3Aabc')).toBe(false);
    expect(ServerRenderer.wants('POST', '/', undefined)).toBe(false);
  });

  it("counts a render's api calls for its visitor, only with this process's secret", () => {
    expect(renderCallVisitor({ headers: { 'x-gallery-render': renderCallHeader('203.0.113.9') } })).toBe(
      '203.0.113.9',
    );
    expect(renderCallVisitor({ headers: { 'x-gallery-render': 'guess 203.0.113.9' } })).toBeNull();
    expect(renderCallVisitor({ headers: {} })).toBeNull();
  });
});

describe('allowInlineScripts', () => {
  it("adds the rendered page's inline scripts to script-src by hash, not its JSON or files", () => {
    const csp = "default-src 'self';script-src 'self';script-src-attr 'none'";
    const html =
      '<script>a()</script><script type="text/javascript" id="x">b()</script><script>a()</script>' +
      '<script id="ng-state" type="application/json">{}</script><script src="main.js" type="module"></script>';
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(allowInlineScripts(csp, html)).toBe(
      `default-src 'self';script-src 'self' ${sha('a()')} ${sha('b()')};script-src-attr 'none'`,
    );
    expect(allowInlineScripts(csp, '<p>no scripts</p>')).toBe(csp);
  });
});
