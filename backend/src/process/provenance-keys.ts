import { Injectable } from '@nestjs/common';
import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import type { ProvenanceJwk } from '@gallery/contracts';
import { keyIdOf } from '../common/provenance-signature';
import { AppConfig } from '../config/app-config';

/**
 * The instance's Ed25519 provenance keys: the current one signs, retired ones stay listed so
 * records signed before a rotation still verify against the published set.
 */
@Injectable()
export class ProvenanceKeys {
  private readonly privateKey: KeyObject;
  readonly current: ProvenanceJwk;
  readonly all: ProvenanceJwk[];

  constructor(config: AppConfig) {
    this.privateKey = createPrivateKey(config.provenance.privateKeyPem);
    this.current = toJwk(createPublicKey(this.privateKey));
    const old = config.provenance.oldPublicKeyPems.map((pem) => toJwk(createPublicKey(pem)));
    this.all = [this.current, ...old.filter((k) => k.kid !== this.current.kid)];
  }

  /** Ed25519 over the ASCII bytes of the manifest hash, base64url. */
  sign(manifestSha256: string): string {
    return sign(null, Buffer.from(manifestSha256, 'ascii'), this.privateKey).toString('base64url');
  }
}

function toJwk(key: KeyObject): ProvenanceJwk {
  const { x } = key.export({ format: 'jwk' });
  if (!x) throw new Error('not an Ed25519 public key');
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x,
    kid: keyIdOf({ kty: 'OKP', crv: 'Ed25519', x }),
    alg: 'EdDSA',
    use: 'sig',
  };
}
