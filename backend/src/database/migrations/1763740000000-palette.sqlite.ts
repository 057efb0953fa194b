import type { MigrationInterface, QueryRunner } from 'typeorm';

/** album_palette: the cover colours of public artworks, for the hue browse. */
export class PaletteSqlite1763740000000 implements MigrationInterface {
  name = 'PaletteSqlite1763740000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "album_palette" ("albumId" varchar(36) NOT NULL, "rank" smallint NOT NULL, "hue" smallint NOT NULL, "weight" double NOT NULL, PRIMARY KEY ("albumId", "rank"), CONSTRAINT "FK_album_palette_album" FOREIGN KEY ("albumId") REFERENCES "albums" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE INDEX "IDX_album_palette_hue" ON "album_palette" ("hue", "weight", "albumId")`);
    await db.query(
      `INSERT INTO "album_palette" ("albumId", "rank", "hue", "weight") SELECT a."id", c."rank", c."hue", c."weight" FROM "albums" a JOIN "stage_colors" c ON c."stageId" = a."coverStageId" WHERE a."visibility" = 'public'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "album_palette"`);
  }
}
