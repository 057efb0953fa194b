import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments (on artworks and stages, one level of replies) with the owner's settings and a counter
 * on albums; notifications grouped while unread (one row per recipient and group key); per-type settings.
 */
export class ConversationSqlite1763830000000 implements MigrationInterface {
  name = 'ConversationSqlite1763830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "albums" ADD "commentCount" integer NOT NULL DEFAULT (0)`);
    await db.query(`ALTER TABLE "albums" ADD "commentsOff" boolean NOT NULL DEFAULT (0)`);
    await db.query(`ALTER TABLE "albums" ADD "critiqueWanted" boolean NOT NULL DEFAULT (0)`);
    await db.query(`ALTER TABLE "albums" ADD "publishedAt" bigint`);
    // Artworks already public count as published, so no old artwork fans out after the upgrade.
    await db.query(`UPDATE "albums" SET "publishedAt" = 0 WHERE "visibility" = 'public'`);
    await db.query(
      `CREATE TABLE "comments" ("id" varchar PRIMARY KEY NOT NULL, "albumId" varchar(36) NOT NULL, "stageId" varchar(36), "parentId" varchar(36), "authorId" varchar(36) NOT NULL, "body" text NOT NULL, "x" double, "y" double, "createdAt" bigint NOT NULL, "editedAt" bigint, "deleted" boolean NOT NULL DEFAULT (0), "replyCount" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_comments_album" FOREIGN KEY ("albumId") REFERENCES "albums" ("id") ON DELETE CASCADE, CONSTRAINT "FK_comments_author" FOREIGN KEY ("authorId") REFERENCES "users" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE INDEX "IDX_comments_album" ON "comments" ("albumId", "parentId", "id")`);
    await db.query(`CREATE INDEX "IDX_comments_parent" ON "comments" ("parentId", "id")`);
    await db.query(
      `CREATE TABLE "notifications" ("id" varchar PRIMARY KEY NOT NULL, "recipientId" varchar(36) NOT NULL, "type" varchar(20) NOT NULL, "albumId" varchar(36), "commentId" varchar(36), "actorIds" text NOT NULL, "actorCount" integer NOT NULL DEFAULT (1), "groupKey" varchar(80), "read" boolean NOT NULL DEFAULT (0), "createdAt" bigint NOT NULL, "updatedAt" bigint NOT NULL, CONSTRAINT "FK_notifications_recipient" FOREIGN KEY ("recipientId") REFERENCES "users" ("id") ON DELETE CASCADE, CONSTRAINT "FK_notifications_album" FOREIGN KEY ("albumId") REFERENCES "albums" ("id") ON DELETE CASCADE)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "UQ_notifications_group" ON "notifications" ("recipientId", "groupKey")`,
    );
    await db.query(
      `CREATE INDEX "IDX_notifications_recipient" ON "notifications" ("recipientId", "updatedAt", "id")`,
    );
    await db.query(`CREATE INDEX "IDX_notifications_unread" ON "notifications" ("recipientId", "read")`);
    // Deleting an artwork cascades here: without it SQLite would scan every notification.
    await db.query(`CREATE INDEX "IDX_notifications_album" ON "notifications" ("albumId")`);
    await db.query(
      `CREATE TABLE "notification_settings" ("userId" varchar PRIMARY KEY NOT NULL, "disabled" varchar(200) NOT NULL DEFAULT (''), CONSTRAINT "FK_notification_settings_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const t of ['notification_settings', 'notifications', 'comments'])
      await db.query(`DROP TABLE "${t}"`);
    for (const c of ['commentCount', 'commentsOff', 'critiqueWanted', 'publishedAt'])
      await db.query(`ALTER TABLE "albums" DROP COLUMN "${c}"`);
  }
}
