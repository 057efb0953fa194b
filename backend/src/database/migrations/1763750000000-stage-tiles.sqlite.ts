import type { MigrationInterface, QueryRunner } from 'typeorm';

/** stages.tilesKey/tilesWidth/tilesHeight: the deep-zoom pyramid of a stage larger than its preview. */
export class StageTilesSqlite1763750000000 implements MigrationInterface {
  name = 'StageTilesSqlite1763750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "stages" ADD COLUMN "tilesKey" varchar(200)`);
    await db.query(`ALTER TABLE "stages" ADD COLUMN "tilesWidth" integer NOT NULL DEFAULT (0)`);
    await db.query(`ALTER TABLE "stages" ADD COLUMN "tilesHeight" integer NOT NULL DEFAULT (0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "stages" DROP COLUMN "tilesHeight"`);
    await db.query(`ALTER TABLE "stages" DROP COLUMN "tilesWidth"`);
    await db.query(`ALTER TABLE "stages" DROP COLUMN "tilesKey"`);
  }
}
