import type { ArtworkCard, StageKind } from './artworks';
import type { UserSummary } from './users';

/** The process film of an artwork: its stages in order, cross-faded, as an animated WebP. */
export interface Timelapse {
  status: 'none' | 'pending' | 'ready' | 'failed';
  url: string | null;
  posterUrl: string | null;
  width: number;
  height: number;
  frames: number;
  bytes: number;
  updatedAt: string | null;
}

/** One stage as the provenance record states it: facts taken from the original at upload. */
export interface ProvenanceStage {
  id: string;
  position: number;
  kind: StageKind;
  /** Hex SHA-256 of the uploaded bytes. */
  sha256: string;
  bytes: number;
  width: number;
  height: number;
  /** EXIF DateTimeOriginal, self-reported by the file (no time zone: read as UTC). */
  capturedAt: string | null;
  /** EXIF Software (or a PNG "Software" text chunk), self-reported by the file. */
  software: string | null;
  uploadedAt: string;
}

/** A JWK of an Ed25519 public key, with its id. */
export interface ProvenanceJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/**
 * A signed record of an artwork's process. `manifestSha256` is the hex SHA-256 of the RFC 8785
 * canonical JSON of `{ albumId, owner, stages }`; `signature` is Ed25519 over the ASCII of
 * `manifestSha256`, base64url, by the key `keyId` (also listed at GET /api/provenance/keys).
 */
export interface Provenance {
  albumId: string;
  owner: UserSummary;
  stages: ProvenanceStage[];
  manifestSha256: string;
  signedAt: string;
  signature: string;
  keyId: string;
  publicKey: ProvenanceJwk;
}

/** The fields of a Provenance record that its manifest hash does not cover. */
export const PROVENANCE_SIGNATURE_FIELDS = [
  'manifestSha256',
  'signedAt',
  'signature',
  'keyId',
  'publicKey',
] as const;

export interface LookupMatch {
  album: ArtworkCard;
  stageId: string;
  position: number;
  kind: StageKind;
  /** The file's SHA-256 equals the stage's original. */
  exact: boolean;
  /** Hamming distance of the perceptual hashes (0..64); 0 for exact matches. */
  distance: number;
  /** When the stage was first shown (uploaded). */
  uploadedAt: string;
}

export interface LookupResult {
  matches: LookupMatch[];
}
