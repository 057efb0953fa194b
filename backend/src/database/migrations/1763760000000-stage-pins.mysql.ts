import type { MigrationInterface, QueryRunner } from 'typeorm';

/** stage_pins: painters' notes pinned to a point of a stage's image, deleted with the stage. */
export class StagePinsMysql1763760000000 implements MigrationInterface {
  name = 'StagePinsMysql1763760000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE TABLE `stage_pins` (`id` varchar(36) NOT NULL, `stageId` varchar(36) NOT NULL, `x` double NOT NULL, ' +
        '`y` double NOT NULL, `body` varchar(1000) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), ' +
        'INDEX `IDX_stage_pins_stage` (`stageId`, `createdAt`), PRIMARY KEY (`id`), ' +
        'CONSTRAINT `FK_stage_pins_stage` FOREIGN KEY (`stageId`) REFERENCES `stages`(`id`) ON DELETE CASCADE) ' +
        'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `stage_pins`');
  }
}
