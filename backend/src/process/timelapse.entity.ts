import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Timelapse } from '@gallery/contracts';

/** An artwork's process film. No foreign key: the row outlives the artwork just long enough to delete its files. */
@Entity('timelapses')
export class TimelapseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  albumId!: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status!: Timelapse['status'];

  @Column({ type: 'varchar', length: 200, nullable: true })
  filmKey!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  posterKey!: string | null;

  @Column({ type: 'int', default: 0 }) width!: number;
  @Column({ type: 'int', default: 0 }) height!: number;
  @Column({ type: 'int', default: 0 }) frames!: number;
  @Column({ type: 'int', default: 0 }) bytes!: number;

  /** SHA-256 of the stages rendered (ids and previews in order): an unchanged artwork is not rendered again. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  source!: string | null;

  @Column({ type: 'datetime', nullable: true })
  updatedAt!: Date | null;
}
