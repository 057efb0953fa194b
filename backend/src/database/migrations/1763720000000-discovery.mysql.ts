import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Likes, favourites, follows, colours by hue, feed order, popularity and FULLTEXT search. */
export class DiscoveryMysql1763720000000 implements MigrationInterface {
  name = 'DiscoveryMysql1763720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE `albums` ADD `activityAt` bigint NOT NULL DEFAULT 0, ADD `hot` double NOT NULL DEFAULT 0, ' +
        "ADD `titleNorm` varchar(120) NOT NULL DEFAULT '', ADD `searchText` text NOT NULL",
    );
    await db.query(
      'UPDATE `albums` SET `activityAt` = ROUND(UNIX_TIMESTAMP(`createdAt`) * 1000), `titleNorm` = LOWER(`title`), ' +
        "`searchText` = LOWER(CONCAT(`title`, ' ', `description`))",
    );
    await db.query('UPDATE `albums` SET `hot` = (`activityAt` / 1000 - 1700000000) / 45000');
    await db.query(
      'ALTER TABLE `albums` ADD INDEX `IDX_albums_activity` (`activityAt`), ADD INDEX `IDX_albums_title_norm` (`titleNorm`), ' +
        'ADD INDEX `IDX_albums_public_hot` (`visibility`, `hot`), ADD FULLTEXT INDEX `FT_albums_search` (`searchText`)',
    );
    await db.query("ALTER TABLE `users` ADD `searchText` varchar(100) NOT NULL DEFAULT ''");
    await db.query("UPDATE `users` SET `searchText` = LOWER(CONCAT(`username`, ' ', `displayName`))");
    await db.query('ALTER TABLE `users` ADD FULLTEXT INDEX `FT_users_search` (`searchText`)');
    await db.query(
      'CREATE TABLE `stage_colors` (`stageId` varchar(36) NOT NULL, `rank` smallint NOT NULL, `albumId` varchar(36) NOT NULL, ' +
        '`hue` smallint NOT NULL, `weight` double NOT NULL, PRIMARY KEY (`stageId`, `rank`), ' +
        'INDEX `IDX_stage_colors_hue` (`hue`, `weight`), INDEX `IDX_stage_colors_album` (`albumId`), ' +
        `CONSTRAINT \`FK_stage_colors_stage\` FOREIGN KEY (\`stageId\`) REFERENCES \`stages\`(\`id\`) ON DELETE CASCADE) ${TABLE}`,
    );
    for (const table of ['likes', 'favorites']) {
      const at =
        table === 'favorites'
          ? '`at` bigint NOT NULL'
          : '`createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)';
      const index =
        table === 'favorites'
          ? 'INDEX `IDX_favorites_user_at` (`userId`, `at`)'
          : 'INDEX `IDX_likes_user` (`userId`)';
      await db.query(
        `CREATE TABLE \`${table}\` (\`albumId\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, ${at}, ` +
          `PRIMARY KEY (\`albumId\`, \`userId\`), ${index}, ` +
          `CONSTRAINT \`FK_${table}_album\` FOREIGN KEY (\`albumId\`) REFERENCES \`albums\`(\`id\`) ON DELETE CASCADE, ` +
          `CONSTRAINT \`FK_${table}_user\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE) ${TABLE}`,
      );
    }
    await db.query(
      'CREATE TABLE `follows` (`followerId` varchar(36) NOT NULL, `followeeId` varchar(36) NOT NULL, ' +
        '`createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`followerId`, `followeeId`), ' +
        'INDEX `IDX_follows_followee` (`followeeId`), ' +
        'CONSTRAINT `FK_follows_follower` FOREIGN KEY (`followerId`) REFERENCES `users`(`id`) ON DELETE CASCADE, ' +
        `CONSTRAINT \`FK_follows_followee\` FOREIGN KEY (\`followeeId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE) ${TABLE}`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const t of ['follows', 'favorites', 'likes', 'stage_colors']) await db.query(`DROP TABLE \`${t}\``);
    await db.query('ALTER TABLE `users` DROP INDEX `FT_users_search`, DROP `searchText`');
    await db.query(
      'ALTER TABLE `albums` DROP INDEX `FT_albums_search`, DROP INDEX `IDX_albums_public_hot`, DROP INDEX `IDX_albums_title_norm`, ' +
        'DROP INDEX `IDX_albums_activity`, DROP `searchText`, DROP `titleNorm`, DROP `hot`, DROP `activityAt`',
    );
  }
}
