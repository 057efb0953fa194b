/*
 * ThumbHash placeholders (https://github.com/evanw/thumbhash): the api encodes them with the
 * same `thumbhash` package; here only the base64 → PNG data URL step and a small cache.
 */
import { thumbHashToDataURL } from 'thumbhash';

const cache = new Map<string, string | null>();

/** A blurred PNG data URL for a base64 ThumbHash, or null when the hash is unreadable. Cached. */
export function placeholderDataUrl(base64: string | null | undefined): string | null {
  if (!base64) {
    return null;
  }
  let url = cache.get(base64);
  if (url === undefined) {
    try {
      const hash = base64ToBytes(base64);
      // The library does not validate: a hash shorter than its 5-byte header decodes to garbage.
      url = hash.length < 5 ? null : thumbHashToDataURL(hash);
    } catch {
      url = null;
    }
    if (cache.size > 500) {
      cache.clear();
    }
    cache.set(base64, url);
  }
  return url;
}

/** Accepts standard and URL-safe base64. */
function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
