import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The colours of a public artwork's cover, for browsing by hue. Kept by syncPalette() whenever
 * the cover or the visibility changes, so the hue query needs no join and no aggregate: one index
 * walk per band of the ±15° window, each reading at most a page of rows. The bands `hue2` and `hue8`
 * are columns the database generates from `hue` (migration 1763845000000), left out of this entity
 * so that inserts never name them.
 */
@Entity('album_palette')
@Index('IDX_album_palette_hue', ['hue', 'weight', 'albumId'])
export class ArtworkPaletteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  albumId!: string;

  @PrimaryColumn({ type: 'smallint' })
  rank!: number;

  @Column({ type: 'smallint' })
  hue!: number;

  @Column({ type: 'double' })
  weight!: number;
}
