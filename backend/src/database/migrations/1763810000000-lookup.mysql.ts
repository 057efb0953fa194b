import type { MigrationInterface, QueryRunner } from 'typeorm';

/** stage_fingerprints: SHA-256 and banded perceptual hash of each processed stage, for lookup. */
export class LookupMysql1763810000000 implements MigrationInterface {
  name = 'LookupMysql1763810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE TABLE `stage_fingerprints` (`stageId` varchar(36) NOT NULL, `albumId` varchar(36) NOT NULL, ' +
        '`sha256` varchar(64) NOT NULL, `hash` varchar(16) NOT NULL, ' +
        '`b0` smallint NOT NULL, `b1` smallint NOT NULL, `b2` smallint NOT NULL, `b3` smallint NOT NULL, `b4` smallint NOT NULL, `b5` smallint NOT NULL, `b6` smallint NOT NULL, `b7` smallint NOT NULL, ' +
        'PRIMARY KEY (`stageId`), INDEX `IDX_stage_fingerprints_sha256` (`sha256`), ' +
        'INDEX `IDX_stage_fingerprints_b0` (`b0`, `hash`), INDEX `IDX_stage_fingerprints_b1` (`b1`, `hash`), INDEX `IDX_stage_fingerprints_b2` (`b2`, `hash`), INDEX `IDX_stage_fingerprints_b3` (`b3`, `hash`), INDEX `IDX_stage_fingerprints_b4` (`b4`, `hash`), INDEX `IDX_stage_fingerprints_b5` (`b5`, `hash`), INDEX `IDX_stage_fingerprints_b6` (`b6`, `hash`), INDEX `IDX_stage_fingerprints_b7` (`b7`, `hash`), ' +
        'CONSTRAINT `FK_stage_fingerprints_stage` FOREIGN KEY (`stageId`) REFERENCES `stages`(`id`) ON DELETE CASCADE) ' +
        'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `stage_fingerprints`');
  }
}
