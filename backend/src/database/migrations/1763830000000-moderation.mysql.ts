import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation: hidden artworks, suspended accounts, removed messages, report resolutions, the
 * audit log and painters' blocks.
 */
export class ModerationMysql1763830000000 implements MigrationInterface {
  name = 'ModerationMysql1763830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `albums` ADD `hiddenAt` bigint NULL, ADD `hiddenReason` varchar(500) NULL');
    await db.query(
      'ALTER TABLE `users` ADD `suspendedAt` bigint NULL, ADD `suspendedReason` varchar(500) NULL, ADD `suspendedUntil` bigint NULL',
    );
    await db.query('ALTER TABLE `messages` ADD `removedAt` bigint NULL');
    await db.query(
      'ALTER TABLE `reports` ADD `resolvedAction` varchar(10) NULL, ADD `resolvedNote` varchar(500) NULL, ' +
        'ADD `resolvedById` varchar(36) NULL, ADD `resolvedAt` bigint NULL',
    );
    await db.query(
      'CREATE TABLE `audit_log` (`id` varchar(36) NOT NULL, `actorId` varchar(36) NOT NULL, `action` varchar(30) NOT NULL, ' +
        '`targetKind` varchar(10) NOT NULL, `targetId` varchar(36) NOT NULL, `reason` varchar(500) NULL, `createdAt` bigint NOT NULL, ' +
        'PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await db.query(
      'CREATE TABLE `user_blocks` (`blockerId` varchar(36) NOT NULL, `blockedId` varchar(36) NOT NULL, `createdAt` bigint NOT NULL, ' +
        'PRIMARY KEY (`blockerId`, `blockedId`), INDEX `IDX_user_blocks_blocked` (`blockedId`), ' +
        'CONSTRAINT `FK_user_blocks_blocker` FOREIGN KEY (`blockerId`) REFERENCES `users` (`id`) ON DELETE CASCADE, ' +
        'CONSTRAINT `FK_user_blocks_blocked` FOREIGN KEY (`blockedId`) REFERENCES `users` (`id`) ON DELETE CASCADE' +
        ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `user_blocks`');
    await db.query('DROP TABLE `audit_log`');
    await db.query(
      'ALTER TABLE `reports` DROP `resolvedAt`, DROP `resolvedById`, DROP `resolvedNote`, DROP `resolvedAction`',
    );
    await db.query('ALTER TABLE `messages` DROP `removedAt`');
    await db.query('ALTER TABLE `users` DROP `suspendedUntil`, DROP `suspendedReason`, DROP `suspendedAt`');
    await db.query('ALTER TABLE `albums` DROP `hiddenReason`, DROP `hiddenAt`');
  }
}
