import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The parts of a provenance record's signature that anyone can check with Node's crypto alone:
 * shared by the api (which signs) and `npm run verify` (which checks offline).
 */

/** Fields outside the manifest: the signature and what identifies the key. */
const SIGNATURE_FIELDS = new Set(['manifestSha256', 'signedAt', 'signature', 'keyId', 'publicKey']);

export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
  kid?: string;
}

/** Hex SHA-256 of the RFC 8785 canonical JSON of the record without its signature fields. */
export function manifestSha256(record: Record<string, unknown>): string {
  const manifest = Object.fromEntries(Object.entries(record).filter(([k]) => !SIGNATURE_FIELDS.has(k)));
  return createHash('sha256').update(canonicalJson(manifest), 'utf8').digest('hex');
}

/** Key id: the first 16 hex digits of the SHA-256 of the raw 32-byte public key. */
export function keyIdOf(jwk: PublicJwk): string {
  return createHash('sha256').update(Buffer.from(jwk.x, 'base64url')).digest('hex').slice(0, 16);
}

export function publicKeyFromJwk(jwk: PublicJwk): KeyObject {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519')
    throw new Error('not an Ed25519 key (kty OKP, crv Ed25519)');
  return createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
}

export type Verdict = { ok: true; keyId: string } | { ok: false; reason: string };

/**
 * Checks a record: its manifest hash matches its content, and the signature over that hash is
 * by the key it names. With `trusted` (the instance's published key set), the key must be one of
 * those; without it, the record's own publicKey is used (integrity only, not who signed).
 */
export function verifyProvenance(record: Record<string, unknown>, trusted?: PublicJwk[]): Verdict {
  const claimed = record.manifestSha256;
  const signature = record.signature;
  const keyId = record.keyId;
  if (typeof claimed !== 'string' || typeof signature !== 'string' || typeof keyId !== 'string') {
    return { ok: false, reason: 'the record has no manifestSha256, signature or keyId' };
  }
  const actual = manifestSha256(record);
  if (actual !== claimed) return { ok: false, reason: `manifest hash differs: content hashes to ${actual}` };
  const own = record.publicKey as (PublicJwk & { alg?: string; use?: string }) | undefined;
  if (own !== undefined) {
    // The key the record carries must be exactly what it claims: an Ed25519 signing key with its id.
    const wellFormed =
      typeof own === 'object' &&
      own !== null &&
      (own.kid === undefined || own.kid === keyId) &&
      (own.alg === undefined || own.alg === 'EdDSA') &&
      (own.use === undefined || own.use === 'sig');
    if (!wellFormed)
      return { ok: false, reason: 'publicKey is not the Ed25519 signing key the record names' };
  }
  const jwk = trusted ? trusted.find((k) => keyIdOf(k) === keyId) : own;
  if (!jwk) return { ok: false, reason: `key ${keyId} is not among the trusted keys` };
  if (own && (own.kty !== jwk.kty || own.crv !== jwk.crv || own.x !== jwk.x)) {
    return { ok: false, reason: `publicKey is not the published key ${keyId}` };
  }
  if (keyIdOf(jwk) !== keyId) return { ok: false, reason: `publicKey does not have id ${keyId}` };
  let key: KeyObject;
  try {
    key = publicKeyFromJwk(jwk);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  const raw = Buffer.from(signature, 'base64url');
  // Only the canonical encoding counts: spare bits in the last character must not vary.
  if (raw.length !== 64 || raw.toString('base64url') !== signature) {
    return { ok: false, reason: 'the signature is not 64 bytes in canonical base64url' };
  }
  const good = verify(null, Buffer.from(claimed, 'ascii'), key, raw);
  return good ? { ok: true, keyId } : { ok: false, reason: 'the signature does not match' };
}
