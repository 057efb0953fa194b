import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One dominant colour of a ready stage, for browsing by hue. Denormalised from stages.colors so
 * "albums with a colour near hue h" is an index range scan, not a JSON scan.
 */
@Entity('stage_colors')
@Index('IDX_stage_colors_hue', ['hue', 'weight'])
@Index('IDX_stage_colors_album', ['albumId'])
export class StageColorEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  stageId!: string;

  @PrimaryColumn({ type: 'smallint' })
  rank!: number;

  @Column({ type: 'varchar', length: 36 })
  albumId!: string;

  @Column({ type: 'smallint' })
  hue!: number;

  /** double, not float: explore cursors compare it for equality after a JSON round trip. */
  @Column({ type: 'double' })
  weight!: number;
}
