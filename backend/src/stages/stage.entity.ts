import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StageColor, StageKind, StageStatus } from '@gallery/contracts';

@Entity('stages')
@Index('IDX_stages_album_position', ['albumId', 'position'])
/** The same file uploaded twice to one artwork is one stage. */
@Index('UQ_stages_album_sha256', ['albumId', 'sha256'], { unique: true })
@Index('IDX_stages_status_updated', ['status', 'updatedAt'])
export class StageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The artwork (table `albums`); the foreign key, ON DELETE CASCADE, is in the migrations. */
  @Column({ type: 'varchar', length: 36 })
  albumId!: string;

  /** 0..n-1 within the album, no gaps. */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 10, default: 'other' })
  kind!: StageKind;

  @Column({ type: 'varchar', length: 120, default: '' })
  title!: string;

  @Column({ type: 'text' })
  note!: string;

  /** The row is the truth about a stage; the queue only carries work. */
  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status!: StageStatus;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error!: string | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 200 })
  originalKey!: string;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  originalName!: string;

  @Column({ type: 'int', default: 0 })
  bytes!: number;

  @Column({ type: 'int', default: 0 })
  width!: number;

  @Column({ type: 'int', default: 0 })
  height!: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  thumbKey!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  previewKey!: string | null;

  /**
   * The deep-zoom descriptor (`tiles/<albumId>/<token>.dzi`), its tiles under `<token>_files/`;
   * null until the tiles job made them, and for images no larger than their preview.
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  tilesKey!: string | null;

  @Column({ type: 'int', default: 0 })
  tilesWidth!: number;

  @Column({ type: 'int', default: 0 })
  tilesHeight!: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  placeholder!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  colors!: StageColor[] | null;

  /** Provenance, read from the original at upload: EXIF DateTimeOriginal (self-reported). */
  @Column({ type: 'datetime', nullable: true })
  capturedAt!: Date | null;

  /** Provenance: EXIF Software (self-reported). */
  @Column({ type: 'varchar', length: 120, nullable: true })
  software!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
