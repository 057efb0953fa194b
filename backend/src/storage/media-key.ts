/**
 * Rules every storage key obeys, shared by both adapters and the media route so that a key
 * valid on local disk is valid on S3 and the other way round.
 *
 * Keys are chosen by the app, never by users, so a bad key is a programming error. The rules are
 * stricter than either backend needs: a segment may not start with '.', which rules out '.' and
 * '..' (traversal on disk) and also makes the local adapter's temp files unaddressable.
 */
const MAX_KEY_LENGTH = 512;

/**
 * A key is never reused for different bytes (new content gets a new random key), so whatever
 * serves an object (the media route, a CDN, a public bucket) may let caches keep it for a year.
 */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** A key that breaks the rules below: a bug in the caller, not bad user input. */
export class InvalidMediaKeyError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Invalid media key ${JSON.stringify(key)}: ${reason}`);
  }
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * The keys the app makes (`albums/<id>/<random>-thumb.webp`): segments of URL-safe characters
 * not starting with '.'. Tested first because cards build three URLs each and the full checks
 * below were a measurable share of a list request's CPU.
 */
const PLAIN_KEY = /^[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/;

/** Why a key breaks the rules, or null when it is valid. */
export function keyProblem(key: string): string | null {
  if (PLAIN_KEY.test(key) && key.length <= MAX_KEY_LENGTH && !key.includes('..')) return null;
  if (key.length === 0) return 'is empty';
  if (key.length > MAX_KEY_LENGTH) return `is longer than ${MAX_KEY_LENGTH} characters`;
  if (key.startsWith('/')) return 'is absolute';
  if (key.includes('\\')) return 'contains a backslash';
  if (key.includes('..')) return "contains '..'";
  // Control characters (NUL included) have no place in a file name or an object key.
  if (hasControlCharacter(key)) return 'contains a control character';
  const segments = key.split('/');
  if (segments.some((segment) => segment === '')) return 'has an empty segment';
  if (segments.some((segment) => segment.startsWith('.'))) return "has a segment starting with '.'";
  return null;
}

/** True when key obeys the rules; for input that arrives from outside (the media route). */
export function isValidKey(key: string): boolean {
  return keyProblem(key) === null;
}

/** Throws when key breaks the rules; adapters call it before touching storage. */
export function assertValidKey(key: string): void {
  const problem = keyProblem(key);
  if (problem !== null) throw new InvalidMediaKeyError(key, problem);
}

/** Throws unless prefix is a valid key followed by '/': deletePrefix must never reach outside one folder. */
export function assertValidPrefix(prefix: string): void {
  if (!prefix.endsWith('/')) throw new InvalidMediaKeyError(prefix, "a prefix must end with '/'");
  assertValidKey(prefix.slice(0, -1));
}

/** The key as a URL path: each segment percent-encoded, the slashes kept. */
export function keyToUrlPath(key: string): string {
  // Plain keys need no encoding (encodeURIComponent leaves [\w.-] alone).
  if (PLAIN_KEY.test(key)) return key;
  return key.split('/').map(encodeURIComponent).join('/');
}
