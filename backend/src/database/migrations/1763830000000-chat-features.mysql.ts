import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Chat: edits, tombstones, replies, mentions, reactions, group pins and FULLTEXT on message bodies. */
export class ChatFeaturesMysql1763830000000 implements MigrationInterface {
  name = 'ChatFeaturesMysql1763830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE `messages` ADD `editedAt` bigint NULL, ADD `deletedAt` bigint NULL, ADD `replyToId` varchar(36) NULL, ' +
        'ADD `mentions` text NULL',
    );
    await db.query('ALTER TABLE `messages` ADD FULLTEXT INDEX `FT_messages_body` (`body`)');
    // Binary collation: utf8mb4_unicode_ci weighs every emoji the same, so 👍 and ❤️ would collide.
    await db.query(
      'CREATE TABLE `message_reactions` (`messageId` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, ' +
        '`emoji` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, `createdAt` bigint NOT NULL, ' +
        'PRIMARY KEY (`messageId`, `userId`, `emoji`), INDEX `IDX_reactions_user` (`userId`), ' +
        'CONSTRAINT `FK_reactions_message` FOREIGN KEY (`messageId`) REFERENCES `messages`(`id`) ON DELETE CASCADE, ' +
        `CONSTRAINT \`FK_reactions_user\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE) ${TABLE}`,
    );
    await db.query(
      'CREATE TABLE `conversation_pins` (`conversationId` varchar(36) NOT NULL, `messageId` varchar(36) NOT NULL, ' +
        '`pinnedById` varchar(36) NOT NULL, `pinnedAt` bigint NOT NULL, PRIMARY KEY (`conversationId`, `messageId`), ' +
        'CONSTRAINT `FK_pins_conversation` FOREIGN KEY (`conversationId`) REFERENCES `conversations`(`id`) ON DELETE CASCADE, ' +
        `CONSTRAINT \`FK_pins_message\` FOREIGN KEY (\`messageId\`) REFERENCES \`messages\`(\`id\`) ON DELETE CASCADE) ${TABLE}`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `conversation_pins`');
    await db.query('DROP TABLE `message_reactions`');
    await db.query('ALTER TABLE `messages` DROP INDEX `FT_messages_body`');
    await db.query(
      'ALTER TABLE `messages` DROP COLUMN `mentions`, DROP COLUMN `replyToId`, DROP COLUMN `deletedAt`, DROP COLUMN `editedAt`',
    );
  }
}
