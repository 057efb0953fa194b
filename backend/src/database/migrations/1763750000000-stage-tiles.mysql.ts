import type { MigrationInterface, QueryRunner } from 'typeorm';

/** stages.tilesKey/tilesWidth/tilesHeight: the deep-zoom pyramid of a stage larger than its preview. */
export class StageTilesMysql1763750000000 implements MigrationInterface {
  name = 'StageTilesMysql1763750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE `stages` ADD `tilesKey` varchar(200) NULL, ADD `tilesWidth` int NOT NULL DEFAULT 0, ' +
        'ADD `tilesHeight` int NOT NULL DEFAULT 0',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE `stages` DROP COLUMN `tilesKey`, DROP COLUMN `tilesWidth`, DROP COLUMN `tilesHeight`',
    );
  }
}
