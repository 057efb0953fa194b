import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ArtworksSqlite1763710000000 implements MigrationInterface {
  name = 'ArtworksSqlite1763710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "albums" ("id" varchar PRIMARY KEY NOT NULL, "ownerId" varchar(36) NOT NULL, "title" varchar(120) NOT NULL, "description" text NOT NULL, "visibility" varchar(10) NOT NULL DEFAULT ('public'), "shareCode" varchar(32) NOT NULL, "coverStageId" varchar(36), "coverPinned" boolean NOT NULL DEFAULT (0), "stageCount" integer NOT NULL DEFAULT (0), "likeCount" integer NOT NULL DEFAULT (0), "favoriteCount" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_albums_owner" FOREIGN KEY ("ownerId") REFERENCES "users" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE UNIQUE INDEX "UQ_albums_shareCode" ON "albums" ("shareCode")`);
    await db.query(`CREATE INDEX "IDX_albums_owner_created" ON "albums" ("ownerId", "createdAt")`);
    await db.query(
      `CREATE TABLE "stages" ("id" varchar PRIMARY KEY NOT NULL, "albumId" varchar(36) NOT NULL, "position" integer NOT NULL, "kind" varchar(10) NOT NULL DEFAULT ('other'), "title" varchar(120) NOT NULL DEFAULT (''), "note" text NOT NULL, "status" varchar(12) NOT NULL DEFAULT ('pending'), "error" varchar(300), "attempts" integer NOT NULL DEFAULT (0), "originalKey" varchar(200) NOT NULL, "sha256" varchar(64) NOT NULL, "originalName" varchar(255) NOT NULL DEFAULT (''), "bytes" integer NOT NULL DEFAULT (0), "width" integer NOT NULL DEFAULT (0), "height" integer NOT NULL DEFAULT (0), "thumbKey" varchar(200), "previewKey" varchar(200), "placeholder" varchar(64), "colors" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_stages_album" FOREIGN KEY ("albumId") REFERENCES "albums" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE INDEX "IDX_stages_status_updated" ON "stages" ("status", "updatedAt")`);
    await db.query(`CREATE UNIQUE INDEX "UQ_stages_album_sha256" ON "stages" ("albumId", "sha256")`);
    await db.query(`CREATE INDEX "IDX_stages_album_position" ON "stages" ("albumId", "position")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "stages"`);
    await db.query(`DROP TABLE "albums"`);
  }
}
