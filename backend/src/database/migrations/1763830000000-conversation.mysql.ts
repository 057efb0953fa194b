import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Comments (on artworks and stages, one level of replies) with the owner's settings and a counter
 * on albums; notifications grouped while unread (one row per recipient and group key); per-type settings.
 */
export class ConversationMysql1763830000000 implements MigrationInterface {
  name = 'ConversationMysql1763830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE `albums` ADD `commentCount` int NOT NULL DEFAULT 0, ADD `commentsOff` tinyint NOT NULL DEFAULT 0, ' +
        'ADD `critiqueWanted` tinyint NOT NULL DEFAULT 0, ADD `publishedAt` bigint NULL',
    );
    // Artworks already public count as published, so no old artwork fans out after the upgrade.
    await db.query("UPDATE `albums` SET `publishedAt` = 0 WHERE `visibility` = 'public'");
    await db.query(
      'CREATE TABLE `comments` (`id` varchar(36) NOT NULL, `albumId` varchar(36) NOT NULL, `stageId` varchar(36) NULL, ' +
        '`parentId` varchar(36) NULL, `authorId` varchar(36) NOT NULL, `body` text NOT NULL, `x` double NULL, `y` double NULL, ' +
        '`createdAt` bigint NOT NULL, `editedAt` bigint NULL, `deleted` tinyint NOT NULL DEFAULT 0, `replyCount` int NOT NULL DEFAULT 0, ' +
        'PRIMARY KEY (`id`), INDEX `IDX_comments_album` (`albumId`, `parentId`, `id`), INDEX `IDX_comments_parent` (`parentId`, `id`), ' +
        'CONSTRAINT `FK_comments_album` FOREIGN KEY (`albumId`) REFERENCES `albums`(`id`) ON DELETE CASCADE, ' +
        `CONSTRAINT \`FK_comments_author\` FOREIGN KEY (\`authorId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE) ${TABLE}`,
    );
    await db.query(
      'CREATE TABLE `notifications` (`id` varchar(36) NOT NULL, `recipientId` varchar(36) NOT NULL, `type` varchar(20) NOT NULL, ' +
        '`albumId` varchar(36) NULL, `commentId` varchar(36) NULL, `actorIds` text NOT NULL, `actorCount` int NOT NULL DEFAULT 1, ' +
        '`groupKey` varchar(80) NULL, `read` tinyint NOT NULL DEFAULT 0, `createdAt` bigint NOT NULL, `updatedAt` bigint NOT NULL, ' +
        'PRIMARY KEY (`id`), UNIQUE INDEX `UQ_notifications_group` (`recipientId`, `groupKey`), ' +
        'INDEX `IDX_notifications_recipient` (`recipientId`, `updatedAt`, `id`), INDEX `IDX_notifications_unread` (`recipientId`, `read`), INDEX `IDX_notifications_album` (`albumId`), ' +
        'CONSTRAINT `FK_notifications_recipient` FOREIGN KEY (`recipientId`) REFERENCES `users`(`id`) ON DELETE CASCADE, ' +
        `CONSTRAINT \`FK_notifications_album\` FOREIGN KEY (\`albumId\`) REFERENCES \`albums\`(\`id\`) ON DELETE CASCADE) ${TABLE}`,
    );
    await db.query(
      "CREATE TABLE `notification_settings` (`userId` varchar(36) NOT NULL, `disabled` varchar(200) NOT NULL DEFAULT '', " +
        'PRIMARY KEY (`userId`), CONSTRAINT `FK_notification_settings_user` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE) ' +
        TABLE,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const t of ['notification_settings', 'notifications', 'comments'])
      await db.query(`DROP TABLE \`${t}\``);
    await db.query(
      'ALTER TABLE `albums` DROP COLUMN `commentCount`, DROP COLUMN `commentsOff`, DROP COLUMN `critiqueWanted`, DROP COLUMN `publishedAt`',
    );
  }
}
