import compression from 'compression';
import type { RequestHandler } from 'express';
import onHeaders from 'on-headers';

/** compression's own test for `Cache-Control: no-transform`. */
const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/i;

/**
 * `compression` for answers over `threshold` bytes, without its per-request cost where it can
 * never compress. compression wraps write/end/on and listens for close on every response, because
 * it cannot know the body's size before the end; a request without Accept-Encoding (api clients,
 * probes, scrapers) is never compressed, so it gets only what compression would still have
 * done to its headers: `Vary: Accept-Encoding` on a compressible type that allows transforms.
 * Browsers always send Accept-Encoding and take the full path.
 */
export function compressLarger(threshold: number): RequestHandler {
  const full = compression({ threshold });
  return (req, res, next) => {
    if (req.headers['accept-encoding']) return full(req, res, next);
    onHeaders(res, function varyAsCompressionWould() {
      if (!compression.filter(req, res)) return;
      const cacheControl = res.getHeader('Cache-Control');
      if (cacheControl && NO_TRANSFORM.test(String(cacheControl))) return;
      res.vary('Accept-Encoding');
    });
    next();
  };
}
