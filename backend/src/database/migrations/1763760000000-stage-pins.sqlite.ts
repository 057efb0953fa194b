import type { MigrationInterface, QueryRunner } from 'typeorm';

/** stage_pins: painters' notes pinned to a point of a stage's image, deleted with the stage. */
export class StagePinsSqlite1763760000000 implements MigrationInterface {
  name = 'StagePinsSqlite1763760000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "stage_pins" ("id" varchar(36) PRIMARY KEY NOT NULL, "stageId" varchar(36) NOT NULL, "x" double NOT NULL, "y" double NOT NULL, "body" varchar(1000) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_stage_pins_stage" FOREIGN KEY ("stageId") REFERENCES "stages" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE INDEX "IDX_stage_pins_stage" ON "stage_pins" ("stageId", "createdAt")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "stage_pins"`);
  }
}
