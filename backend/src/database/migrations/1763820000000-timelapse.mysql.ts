import type { MigrationInterface, QueryRunner } from 'typeorm';

/** timelapses: each artwork's process film (animated WebP and poster). */
export class TimelapseMysql1763820000000 implements MigrationInterface {
  name = 'TimelapseMysql1763820000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `timelapses` (`albumId` varchar(36) NOT NULL, `status` varchar(12) NOT NULL DEFAULT 'pending', " +
        '`filmKey` varchar(200) NULL, `posterKey` varchar(200) NULL, `width` int NOT NULL DEFAULT 0, `height` int NOT NULL DEFAULT 0, ' +
        '`frames` int NOT NULL DEFAULT 0, `bytes` int NOT NULL DEFAULT 0, `source` varchar(64) NULL, `updatedAt` datetime NULL, ' +
        'PRIMARY KEY (`albumId`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `timelapses`');
  }
}
