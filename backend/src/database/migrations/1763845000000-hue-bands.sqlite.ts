import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hue bands on album_palette: `hue2` (hue / 2) and `hue8` (hue / 8, integer division), generated
 * from `hue` and indexed with (weight, albumId), for the colour browse's walks (see hue-search.ts).
 * VIRTUAL: SQLite adds generated columns to an existing table only as virtual ones; indexes on them
 * hold the values all the same.
 */
export class HueBandsSqlite1763845000000 implements MigrationInterface {
  name = 'HueBandsSqlite1763845000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "album_palette" ADD "hue2" smallint GENERATED ALWAYS AS ("hue" / 2) VIRTUAL`);
    await db.query(`ALTER TABLE "album_palette" ADD "hue8" smallint GENERATED ALWAYS AS ("hue" / 8) VIRTUAL`);
    await db.query(`CREATE INDEX "IDX_album_palette_hue2" ON "album_palette" ("hue2", "weight", "albumId")`);
    await db.query(`CREATE INDEX "IDX_album_palette_hue8" ON "album_palette" ("hue8", "weight", "albumId")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "IDX_album_palette_hue2"`);
    await db.query(`DROP INDEX "IDX_album_palette_hue8"`);
    await db.query(`ALTER TABLE "album_palette" DROP COLUMN "hue2"`);
    await db.query(`ALTER TABLE "album_palette" DROP COLUMN "hue8"`);
  }
}
