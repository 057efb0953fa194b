import { Injectable } from '@nestjs/common';
import type { Provenance, ProvenanceStage } from '@gallery/contracts';
import type { AuthUser } from '../common/auth-user';
import { manifestSha256 } from '../common/provenance-signature';
import { ArtworksService } from '../artworks/artworks.service';
import { StagesService } from '../stages/stages.service';
import { UserMapper } from '../users/user.mapper';
import { ProvenanceKeys } from './provenance-keys';

/**
 * The signed record of an artwork's process: every stage in order with the facts taken from its
 * original at upload. Signed when asked for, so the record always states the current order.
 */
@Injectable()
export class ProvenanceService {
  constructor(
    private readonly albums: ArtworksService,
    private readonly stages: StagesService,
    private readonly users: UserMapper,
    private readonly keys: ProvenanceKeys,
  ) {}

  async record(viewer: AuthUser | null, albumId: string): Promise<Provenance> {
    const album = await this.albums.findVisibleOrThrow(viewer, albumId);
    const stages = await this.stages.listOf(album.id);
    const manifest = {
      albumId: album.id,
      owner: this.users.summary(album.owner),
      stages: stages.map((s): ProvenanceStage => ({
        id: s.id,
        position: s.position,
        kind: s.kind,
        sha256: s.sha256,
        bytes: s.bytes,
        width: s.width,
        height: s.height,
        capturedAt: s.capturedAt ? new Date(s.capturedAt).toISOString() : null,
        software: s.software,
        uploadedAt: s.createdAt.toISOString(),
      })),
    };
    const hash = manifestSha256(manifest);
    return {
      ...manifest,
      manifestSha256: hash,
      signedAt: new Date().toISOString(),
      signature: this.keys.sign(hash),
      keyId: this.keys.current.kid,
      publicKey: this.keys.current,
    };
  }
}
