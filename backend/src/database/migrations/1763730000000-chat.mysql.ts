import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Conversations (with the public room), members with read and deletion marks, messages. */
export class ChatMysql1763730000000 implements MigrationInterface {
  name = 'ChatMysql1763730000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE TABLE `conversations` (`id` varchar(36) NOT NULL, `kind` varchar(10) NOT NULL, `name` varchar(60) NULL, ' +
        '`directKey` varchar(80) NULL, `lastMessageAt` bigint NOT NULL, UNIQUE INDEX `UQ_conversations_direct` (`directKey`), ' +
        `PRIMARY KEY (\`id\`)) ${TABLE}`,
    );
    await db.query(
      'CREATE TABLE `conversation_members` (`conversationId` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, ' +
        "`role` varchar(10) NOT NULL DEFAULT 'member', `joinedAt` bigint NOT NULL, `lastReadId` varchar(36) NULL, " +
        '`clearedThroughId` varchar(36) NULL, `hidden` tinyint NOT NULL DEFAULT 0, PRIMARY KEY (`conversationId`, `userId`), ' +
        'INDEX `IDX_members_user` (`userId`), ' +
        'CONSTRAINT `FK_members_conversation` FOREIGN KEY (`conversationId`) REFERENCES `conversations`(`id`) ON DELETE CASCADE, ' +
        `CONSTRAINT \`FK_members_user\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE) ${TABLE}`,
    );
    await db.query(
      'CREATE TABLE `messages` (`id` varchar(36) NOT NULL, `conversationId` varchar(36) NOT NULL, `senderId` varchar(36) NOT NULL, ' +
        '`body` text NOT NULL, `attachment` text NULL, `createdAt` bigint NOT NULL, PRIMARY KEY (`id`), ' +
        'INDEX `IDX_messages_conversation` (`conversationId`, `id`), ' +
        'CONSTRAINT `FK_messages_conversation` FOREIGN KEY (`conversationId`) REFERENCES `conversations`(`id`) ON DELETE CASCADE, ' +
        `CONSTRAINT \`FK_messages_sender\` FOREIGN KEY (\`senderId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE) ${TABLE}`,
    );
    await db.query(
      "INSERT INTO `conversations` (`id`, `kind`, `name`, `lastMessageAt`) VALUES ('public', 'public', 'Public room', 0)",
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const t of ['messages', 'conversation_members', 'conversations'])
      await db.query(`DROP TABLE \`${t}\``);
  }
}
