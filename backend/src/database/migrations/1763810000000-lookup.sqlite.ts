import type { MigrationInterface, QueryRunner } from 'typeorm';

/** stage_fingerprints: SHA-256 and banded perceptual hash of each processed stage, for lookup. */
export class LookupSqlite1763810000000 implements MigrationInterface {
  name = 'LookupSqlite1763810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "stage_fingerprints" ("stageId" varchar(36) PRIMARY KEY NOT NULL, "albumId" varchar(36) NOT NULL, "sha256" varchar(64) NOT NULL, "hash" varchar(16) NOT NULL, "b0" smallint NOT NULL, "b1" smallint NOT NULL, "b2" smallint NOT NULL, "b3" smallint NOT NULL, "b4" smallint NOT NULL, "b5" smallint NOT NULL, "b6" smallint NOT NULL, "b7" smallint NOT NULL, CONSTRAINT "FK_stage_fingerprints_stage" FOREIGN KEY ("stageId") REFERENCES "stages" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE INDEX "IDX_stage_fingerprints_sha256" ON "stage_fingerprints" ("sha256")`);
    for (let band = 0; band < 8; band++) {
      await db.query(
        `CREATE INDEX "IDX_stage_fingerprints_b${band}" ON "stage_fingerprints" ("b${band}", "hash")`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "stage_fingerprints"`);
  }
}
