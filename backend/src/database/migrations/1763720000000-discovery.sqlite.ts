import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Likes, favourites, follows, colours by hue, feed order, popularity and the FTS5 search tables. */
export class DiscoverySqlite1763720000000 implements MigrationInterface {
  name = 'DiscoverySqlite1763720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "albums" ADD COLUMN "activityAt" bigint NOT NULL DEFAULT (0)`);
    await db.query(`ALTER TABLE "albums" ADD COLUMN "hot" double NOT NULL DEFAULT (0)`);
    await db.query(`ALTER TABLE "albums" ADD COLUMN "titleNorm" varchar(120) NOT NULL DEFAULT ('')`);
    await db.query(`ALTER TABLE "albums" ADD COLUMN "searchText" text NOT NULL DEFAULT ('')`);
    await db.query(
      `UPDATE "albums" SET "activityAt" = CAST((julianday("createdAt") - 2440587.5) * 86400000 AS INTEGER), "titleNorm" = lower("title")`,
    );
    await db.query(`UPDATE "albums" SET "hot" = ("activityAt" / 1000.0 - 1700000000) / 45000`);
    await db.query(`CREATE INDEX "IDX_albums_activity" ON "albums" ("activityAt")`);
    await db.query(`CREATE INDEX "IDX_albums_title_norm" ON "albums" ("titleNorm")`);
    await db.query(`CREATE INDEX "IDX_albums_public_hot" ON "albums" ("visibility", "hot")`);
    await db.query(`ALTER TABLE "users" ADD COLUMN "searchText" varchar(100) NOT NULL DEFAULT ('')`);
    await db.query(
      `CREATE TABLE "stage_colors" ("stageId" varchar(36) NOT NULL, "rank" smallint NOT NULL, "albumId" varchar(36) NOT NULL, "hue" smallint NOT NULL, "weight" double NOT NULL, PRIMARY KEY ("stageId", "rank"), CONSTRAINT "FK_stage_colors_stage" FOREIGN KEY ("stageId") REFERENCES "stages" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE INDEX "IDX_stage_colors_hue" ON "stage_colors" ("hue", "weight")`);
    await db.query(`CREATE INDEX "IDX_stage_colors_album" ON "stage_colors" ("albumId")`);
    for (const table of ['likes', 'favorites']) {
      const at =
        table === 'favorites'
          ? `"at" bigint NOT NULL`
          : `"createdAt" datetime NOT NULL DEFAULT (datetime('now'))`;
      await db.query(
        `CREATE TABLE "${table}" ("albumId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, ${at}, PRIMARY KEY ("albumId", "userId"), CONSTRAINT "FK_${table}_album" FOREIGN KEY ("albumId") REFERENCES "albums" ("id") ON DELETE CASCADE, CONSTRAINT "FK_${table}_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE)`,
      );
    }
    await db.query(`CREATE INDEX "IDX_likes_user" ON "likes" ("userId")`);
    await db.query(`CREATE INDEX "IDX_favorites_user_at" ON "favorites" ("userId", "at")`);
    await db.query(
      `CREATE TABLE "follows" ("followerId" varchar(36) NOT NULL, "followeeId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), PRIMARY KEY ("followerId", "followeeId"), CONSTRAINT "FK_follows_follower" FOREIGN KEY ("followerId") REFERENCES "users" ("id") ON DELETE CASCADE, CONSTRAINT "FK_follows_followee" FOREIGN KEY ("followeeId") REFERENCES "users" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE INDEX "IDX_follows_followee" ON "follows" ("followeeId")`);
    // FTS5 keeps its own index; the app writes to it whenever the searchable text changes.
    await db.query(
      `CREATE VIRTUAL TABLE "album_fts" USING fts5("albumId" UNINDEXED, "body", tokenize = 'unicode61 remove_diacritics 2')`,
    );
    await db.query(
      `CREATE VIRTUAL TABLE "user_fts" USING fts5("userId" UNINDEXED, "body", tokenize = 'unicode61 remove_diacritics 2')`,
    );
    await db.query(
      `INSERT INTO "album_fts" ("albumId", "body") SELECT "id", lower("title" || ' ' || "description") FROM "albums"`,
    );
    await db.query(
      `INSERT INTO "user_fts" ("userId", "body") SELECT "id", lower("username" || ' ' || "displayName") FROM "users"`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const t of ['user_fts', 'album_fts', 'follows', 'favorites', 'likes', 'stage_colors'])
      await db.query(`DROP TABLE "${t}"`);
    for (const i of ['IDX_albums_activity', 'IDX_albums_title_norm', 'IDX_albums_public_hot'])
      await db.query(`DROP INDEX "${i}"`);
    for (const c of ['activityAt', 'hot', 'titleNorm', 'searchText'])
      await db.query(`ALTER TABLE "albums" DROP COLUMN "${c}"`);
    await db.query(`ALTER TABLE "users" DROP COLUMN "searchText"`);
  }
}
