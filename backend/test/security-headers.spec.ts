import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Artwork } from '@gallery/contracts';
import type { Request, Response } from 'express';
import { securityHeaders } from '../src/common/security-headers';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { TestApp } from './support/test-app';

/**
 * The security headers every answer carries, written out as helmet 8 set them with Gallery's
 * options (before one precomputed middleware replaced helmet's chain): a change here is a change
 * users' browsers see, so it must be deliberate.
 */
const CSP =
  "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';" +
  "frame-ancestors 'self';img-src 'self' data: blob:;object-src 'none';script-src 'self';" +
  "script-src-attr 'none';style-src 'self' https: 'unsafe-inline';connect-src 'self' ws: wss:";
const HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
const NAMES = [...Object.keys(HEADERS), 'cross-origin-embedder-policy', 'x-powered-by'];

function securityOf(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(NAMES.filter((n) => headers[n] !== undefined).map((n) => [n, headers[n]]));
}

describe('security headers', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'gallery-headers-'));
  let app: TestApp;
  let artwork: Artwork;

  beforeAll(async () => {
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><html><body><app-root></app-root></body></html>',
    );
    app = await TestApp.start({ database: 'sqlite', env: { WEB_DIR: webDir } });
    const painter = app.client();
    await painter.register('whistler');
    artwork = await createArtwork(painter, 'Nocturne');
    await uploadStages(painter, artwork.id, [{ body: await png(320, 200, '#223344'), name: 'a.png' }]);
    artwork = await settled(painter, artwork.id);
  });
  afterAll(async () => {
    await app.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it.each([
    ['an HTML page', () => `/a/${artwork.id}`, /^text\/html/],
    ['an api JSON answer', () => `/api/albums/${artwork.id}`, /^application\/json/],
    ['a list of cards', () => '/api/albums?sort=recent', /^application\/json/],
    [
      'a media file',
      () => new URL(artwork.stages[0]!.image!.previewUrl, 'http://x').pathname,
      /^image\/webp/,
    ],
    ['an api error', () => '/api/albums/nope', /^application\/json/],
    ['a 400 for bad input', () => '/api/albums?limit=0', /^application\/json/],
  ])('are the same full set on %s', async (_what, path, type) => {
    const res = await app.client().get(path());
    expect(res.headers['content-type']).toMatch(type);
    expect(securityOf(res.headers)).toEqual(HEADERS);
  });

  it('add the S3 origin to img-src and upgrade-insecure-requests behind https', () => {
    const set: Record<string, string> = {};
    const res = {
      setHeader: (n: string, v: string) => (set[n.toLowerCase()] = v),
      removeHeader: (n: string) => delete set[n.toLowerCase()],
    };
    let passed = false;
    securityHeaders({ s3Origin: 'https://cdn.example', https: true })(
      {} as Request,
      res as unknown as Response,
      () => (passed = true),
    );
    expect(passed).toBe(true);
    expect(set).toEqual({
      ...HEADERS,
      'content-security-policy': CSP.replace('blob:;', 'blob: https://cdn.example;').replace(
        ';connect-src',
        ';upgrade-insecure-requests;connect-src',
      ),
    });
  });
});
