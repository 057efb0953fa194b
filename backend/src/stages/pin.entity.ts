import { BeforeInsert, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { uuidv7 } from '../common/uuidv7';

/**
 * A painter's note pinned to a point of a stage's image. The foreign key to the stage
 * (ON DELETE CASCADE, in the migrations) deletes pins with their stage and artwork.
 */
@Entity('stage_pins')
@Index('IDX_stage_pins_stage', ['stageId', 'createdAt'])
export class PinEntity {
  /** UUIDv7: ids sort like creation times, which breaks createdAt ties in order. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @BeforeInsert()
  protected assignId(): void {
    this.id ??= uuidv7();
  }

  @Column({ type: 'varchar', length: 36 })
  stageId!: string;

  /** 0..1 of the image's width, from the left. */
  @Column({ type: 'double' })
  x!: number;

  /** 0..1 of the image's height, from the top. */
  @Column({ type: 'double' })
  y!: number;

  @Column({ type: 'varchar', length: 1000 })
  body!: string;

  @CreateDateColumn()
  createdAt!: Date;
}
