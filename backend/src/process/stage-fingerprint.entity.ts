import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What lookup searches: the SHA-256 of a processed stage's original and a 64-bit perceptual hash
 * of its preview, split into 8 one-byte bands. Two hashes within Hamming distance 7 agree exactly
 * in at least one band (pigeonhole), so candidates come from 8 index lookups, never a scan.
 * The foreign keys (ON DELETE CASCADE to stages) are in the migrations.
 */
@Entity('stage_fingerprints')
@Index('IDX_stage_fingerprints_sha256', ['sha256'])
@Index('IDX_stage_fingerprints_b0', ['b0', 'hash'])
@Index('IDX_stage_fingerprints_b1', ['b1', 'hash'])
@Index('IDX_stage_fingerprints_b2', ['b2', 'hash'])
@Index('IDX_stage_fingerprints_b3', ['b3', 'hash'])
@Index('IDX_stage_fingerprints_b4', ['b4', 'hash'])
@Index('IDX_stage_fingerprints_b5', ['b5', 'hash'])
@Index('IDX_stage_fingerprints_b6', ['b6', 'hash'])
@Index('IDX_stage_fingerprints_b7', ['b7', 'hash'])
export class StageFingerprintEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  stageId!: string;

  @Column({ type: 'varchar', length: 36 })
  albumId!: string;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** dHash, 16 hex digits. */
  @Column({ type: 'varchar', length: 16 })
  hash!: string;

  @Column({ type: 'smallint' }) b0!: number;
  @Column({ type: 'smallint' }) b1!: number;
  @Column({ type: 'smallint' }) b2!: number;
  @Column({ type: 'smallint' }) b3!: number;
  @Column({ type: 'smallint' }) b4!: number;
  @Column({ type: 'smallint' }) b5!: number;
  @Column({ type: 'smallint' }) b6!: number;
  @Column({ type: 'smallint' }) b7!: number;
}
