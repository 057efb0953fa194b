import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsSqlite1763700000000 implements MigrationInterface {
  name = 'AccountsSqlite1763700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "users" ("id" varchar PRIMARY KEY NOT NULL, "username" varchar(30) NOT NULL, "displayName" varchar(60) NOT NULL, "bio" varchar(500) NOT NULL DEFAULT (''), "passwordHash" varchar(255) NOT NULL, "role" varchar(10) NOT NULL DEFAULT ('user'), "avatarKey" varchar(200), "authVersion" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_users_username" UNIQUE ("username"))`,
    );
    await db.query(
      `CREATE TABLE "sessions" ("sid" varchar(128) PRIMARY KEY NOT NULL, "data" text NOT NULL, "expiresAt" datetime NOT NULL)`,
    );
    await db.query(`CREATE INDEX "IDX_sessions_expiresAt" ON "sessions" ("expiresAt")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "sessions"`);
    await db.query(`DROP TABLE "users"`);
  }
}
