import type { MigrationInterface, QueryRunner } from 'typeorm';

/** reports: moderation reports, at most one open per reporter and target (UQ_reports_open). */
export class ReportsMysql1763750000000 implements MigrationInterface {
  name = 'ReportsMysql1763750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE TABLE `reports` (`id` varchar(36) NOT NULL, `targetKind` varchar(10) NOT NULL, `targetId` varchar(36) NOT NULL, ' +
        '`reason` varchar(20) NOT NULL, `details` text NULL, `reporterId` varchar(36) NOT NULL, ' +
        "`status` varchar(10) NOT NULL DEFAULT 'open', `openKey` varchar(100) NULL, `createdAt` bigint NOT NULL, " +
        'PRIMARY KEY (`id`), UNIQUE INDEX `UQ_reports_open` (`openKey`), INDEX `IDX_reports_status` (`status`, `id`), ' +
        'INDEX `IDX_reports_target` (`targetKind`, `targetId`), ' +
        'CONSTRAINT `FK_reports_reporter` FOREIGN KEY (`reporterId`) REFERENCES `users`(`id`) ON DELETE CASCADE) ' +
        'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `reports`');
  }
}
