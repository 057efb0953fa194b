import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hue bands on album_palette: `hue2` (hue DIV 2) and `hue8` (hue DIV 8), generated from `hue`, each
 * indexed with (weight, albumId) like `hue`. A ±15° colour browse then walks at most 7 bands in
 * weight order instead of 31 single degrees (see hue-search.ts); rows written with `hue` alone get
 * their bands from the database.
 */
export class HueBandsMysql1763845000000 implements MigrationInterface {
  name = 'HueBandsMysql1763845000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE `album_palette` ' +
        'ADD `hue2` smallint GENERATED ALWAYS AS (`hue` DIV 2) STORED, ' +
        'ADD `hue8` smallint GENERATED ALWAYS AS (`hue` DIV 8) STORED, ' +
        'ADD INDEX `IDX_album_palette_hue2` (`hue2`, `weight`, `albumId`), ' +
        'ADD INDEX `IDX_album_palette_hue8` (`hue8`, `weight`, `albumId`)',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE `album_palette` DROP INDEX `IDX_album_palette_hue2`, DROP INDEX `IDX_album_palette_hue8`, ' +
        'DROP COLUMN `hue2`, DROP COLUMN `hue8`',
    );
  }
}
