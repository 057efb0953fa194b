import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class ArtworksMysql1763710000000 implements MigrationInterface {
  name = 'ArtworksMysql1763710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE \`albums\` (\`id\` varchar(36) NOT NULL, \`ownerId\` varchar(36) NOT NULL, \`title\` varchar(120) NOT NULL, \`description\` text NOT NULL, \`visibility\` varchar(10) NOT NULL DEFAULT 'public', \`shareCode\` varchar(32) NOT NULL, \`coverStageId\` varchar(36) NULL, \`coverPinned\` tinyint NOT NULL DEFAULT 0, \`stageCount\` int NOT NULL DEFAULT '0', \`likeCount\` int NOT NULL DEFAULT '0', \`favoriteCount\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_albums_shareCode\` (\`shareCode\`), INDEX \`IDX_albums_owner_created\` (\`ownerId\`, \`createdAt\`), PRIMARY KEY (\`id\`), CONSTRAINT \`FK_albums_owner\` FOREIGN KEY (\`ownerId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE) ${TABLE}`,
    );
    await db.query(
      `CREATE TABLE \`stages\` (\`id\` varchar(36) NOT NULL, \`albumId\` varchar(36) NOT NULL, \`position\` int NOT NULL, \`kind\` varchar(10) NOT NULL DEFAULT 'other', \`title\` varchar(120) NOT NULL DEFAULT '', \`note\` text NOT NULL, \`status\` varchar(12) NOT NULL DEFAULT 'pending', \`error\` varchar(300) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`originalKey\` varchar(200) NOT NULL, \`sha256\` varchar(64) NOT NULL, \`originalName\` varchar(255) NOT NULL DEFAULT '', \`bytes\` int NOT NULL DEFAULT '0', \`width\` int NOT NULL DEFAULT '0', \`height\` int NOT NULL DEFAULT '0', \`thumbKey\` varchar(200) NULL, \`previewKey\` varchar(200) NULL, \`placeholder\` varchar(64) NULL, \`colors\` text NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_stages_status_updated\` (\`status\`, \`updatedAt\`), UNIQUE INDEX \`UQ_stages_album_sha256\` (\`albumId\`, \`sha256\`), INDEX \`IDX_stages_album_position\` (\`albumId\`, \`position\`), PRIMARY KEY (\`id\`), CONSTRAINT \`FK_stages_album\` FOREIGN KEY (\`albumId\`) REFERENCES \`albums\`(\`id\`) ON DELETE CASCADE) ${TABLE}`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `stages`');
    await db.query('DROP TABLE `albums`');
  }
}
