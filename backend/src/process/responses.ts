import { ApiProperty } from '@nestjs/swagger';
import {
  STAGE_KINDS,
  type LookupMatch,
  type LookupResult,
  type Provenance,
  type ProvenanceJwk,
  type ProvenanceStage,
  type StageKind,
  type Timelapse,
} from '@gallery/contracts';
import { ArtworkCardDto } from '../artworks/responses';
import { UserSummaryDto } from '../users/responses';

/** Swagger descriptions of the process shapes; `implements` keeps them in step with contracts. */
export class ProvenanceJwkDto implements ProvenanceJwk {
  @ApiProperty({ enum: ['OKP'] }) kty!: 'OKP';
  @ApiProperty({ enum: ['Ed25519'] }) crv!: 'Ed25519';
  @ApiProperty({ description: 'raw public key, base64url' }) x!: string;
  @ApiProperty({ description: 'first 16 hex digits of SHA-256 of the raw public key' }) kid!: string;
  @ApiProperty({ enum: ['EdDSA'] }) alg!: 'EdDSA';
  @ApiProperty({ enum: ['sig'] }) use!: 'sig';
}

export class ProvenanceKeySetDto {
  @ApiProperty({ type: [ProvenanceJwkDto] }) keys!: ProvenanceJwkDto[];
}

export class ProvenanceStageDto implements ProvenanceStage {
  @ApiProperty() id!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: STAGE_KINDS }) kind!: StageKind;
  @ApiProperty({ description: 'hex SHA-256 of the uploaded bytes' }) sha256!: string;
  @ApiProperty() bytes!: number;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'EXIF, self-reported' })
  capturedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'EXIF Software, self-reported' })
  software!: string | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

export class ProvenanceDto implements Provenance {
  @ApiProperty() albumId!: string;
  @ApiProperty({ type: UserSummaryDto }) owner!: UserSummaryDto;
  @ApiProperty({ type: [ProvenanceStageDto] }) stages!: ProvenanceStageDto[];
  @ApiProperty({ description: 'hex SHA-256 of the RFC 8785 JSON of { albumId, owner, stages }' })
  manifestSha256!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ description: 'Ed25519 over the ASCII of manifestSha256, base64url' }) signature!: string;
  @ApiProperty() keyId!: string;
  @ApiProperty({ type: ProvenanceJwkDto }) publicKey!: ProvenanceJwkDto;
}

export class LookupMatchDto implements LookupMatch {
  @ApiProperty({ type: ArtworkCardDto }) album!: ArtworkCardDto;
  @ApiProperty() stageId!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: STAGE_KINDS }) kind!: StageKind;
  @ApiProperty({ description: "the file's SHA-256 equals the stage original's" }) exact!: boolean;
  @ApiProperty({ minimum: 0, maximum: 64, description: 'differing bits of the 64-bit perceptual hashes' })
  distance!: number;
  @ApiProperty({ format: 'date-time', description: 'when the stage was first shown' }) uploadedAt!: string;
}

export class LookupResultDto implements LookupResult {
  @ApiProperty({ type: [LookupMatchDto] }) matches!: LookupMatchDto[];
}

export class TimelapseDto implements Timelapse {
  @ApiProperty({ enum: ['none', 'pending', 'ready', 'failed'] }) status!: Timelapse['status'];
  @ApiProperty({ type: String, nullable: true, description: 'animated WebP' }) url!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the final frame, WebP' }) posterUrl!:
    string | null;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty() frames!: number;
  @ApiProperty() bytes!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
}
