import type { MigrationInterface, QueryRunner } from 'typeorm';

/** stages.capturedAt and stages.software: provenance facts read from the original at upload. */
export class ProvenanceSqlite1763800000000 implements MigrationInterface {
  name = 'ProvenanceSqlite1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "stages" ADD COLUMN "capturedAt" datetime NULL`);
    await db.query(`ALTER TABLE "stages" ADD COLUMN "software" varchar(120) NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "stages" DROP COLUMN "software"`);
    await db.query(`ALTER TABLE "stages" DROP COLUMN "capturedAt"`);
  }
}
