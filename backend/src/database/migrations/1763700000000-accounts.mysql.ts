import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class AccountsMysql1763700000000 implements MigrationInterface {
  name = 'AccountsMysql1763700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE \`users\` (\`id\` varchar(36) NOT NULL, \`username\` varchar(30) NOT NULL, \`displayName\` varchar(60) NOT NULL, \`bio\` varchar(500) NOT NULL DEFAULT '', \`passwordHash\` varchar(255) NOT NULL, \`role\` varchar(10) NOT NULL DEFAULT 'user', \`avatarKey\` varchar(200) NULL, \`authVersion\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_users_username\` (\`username\`), PRIMARY KEY (\`id\`)) ${TABLE}`,
    );
    await db.query(
      `CREATE TABLE \`sessions\` (\`sid\` varchar(128) NOT NULL, \`data\` text NOT NULL, \`expiresAt\` datetime NOT NULL, INDEX \`IDX_sessions_expiresAt\` (\`expiresAt\`), PRIMARY KEY (\`sid\`)) ${TABLE}`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `sessions`');
    await db.query('DROP TABLE `users`');
  }
}
