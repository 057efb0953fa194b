import type { MigrationInterface, QueryRunner } from 'typeorm';

/** stages.capturedAt and stages.software: provenance facts read from the original at upload. */
export class ProvenanceMysql1763800000000 implements MigrationInterface {
  name = 'ProvenanceMysql1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `stages` ADD `capturedAt` datetime NULL, ADD `software` varchar(120) NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `stages` DROP COLUMN `software`, DROP COLUMN `capturedAt`');
  }
}
