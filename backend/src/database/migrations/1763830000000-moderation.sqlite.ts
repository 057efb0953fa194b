import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation: hidden artworks, suspended accounts, removed messages, report resolutions, the
 * audit log and painters' blocks.
 */
export class ModerationSqlite1763830000000 implements MigrationInterface {
  name = 'ModerationSqlite1763830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "albums" ADD COLUMN "hiddenAt" bigint`);
    await db.query(`ALTER TABLE "albums" ADD COLUMN "hiddenReason" varchar(500)`);
    await db.query(`ALTER TABLE "users" ADD COLUMN "suspendedAt" bigint`);
    await db.query(`ALTER TABLE "users" ADD COLUMN "suspendedReason" varchar(500)`);
    await db.query(`ALTER TABLE "users" ADD COLUMN "suspendedUntil" bigint`);
    await db.query(`ALTER TABLE "messages" ADD COLUMN "removedAt" bigint`);
    await db.query(`ALTER TABLE "reports" ADD COLUMN "resolvedAction" varchar(10)`);
    await db.query(`ALTER TABLE "reports" ADD COLUMN "resolvedNote" varchar(500)`);
    await db.query(`ALTER TABLE "reports" ADD COLUMN "resolvedById" varchar(36)`);
    await db.query(`ALTER TABLE "reports" ADD COLUMN "resolvedAt" bigint`);
    await db.query(
      `CREATE TABLE "audit_log" ("id" varchar(36) PRIMARY KEY NOT NULL, "actorId" varchar(36) NOT NULL, "action" varchar(30) NOT NULL, "targetKind" varchar(10) NOT NULL, "targetId" varchar(36) NOT NULL, "reason" varchar(500), "createdAt" bigint NOT NULL)`,
    );
    await db.query(
      `CREATE TABLE "user_blocks" ("blockerId" varchar(36) NOT NULL, "blockedId" varchar(36) NOT NULL, "createdAt" bigint NOT NULL, PRIMARY KEY ("blockerId", "blockedId"), CONSTRAINT "FK_user_blocks_blocker" FOREIGN KEY ("blockerId") REFERENCES "users" ("id") ON DELETE CASCADE, CONSTRAINT "FK_user_blocks_blocked" FOREIGN KEY ("blockedId") REFERENCES "users" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE INDEX "IDX_user_blocks_blocked" ON "user_blocks" ("blockedId")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "user_blocks"`);
    await db.query(`DROP TABLE "audit_log"`);
    for (const column of ['resolvedAt', 'resolvedById', 'resolvedNote', 'resolvedAction']) {
      await db.query(`ALTER TABLE "reports" DROP COLUMN "${column}"`);
    }
    await db.query(`ALTER TABLE "messages" DROP COLUMN "removedAt"`);
    for (const column of ['suspendedUntil', 'suspendedReason', 'suspendedAt']) {
      await db.query(`ALTER TABLE "users" DROP COLUMN "${column}"`);
    }
    await db.query(`ALTER TABLE "albums" DROP COLUMN "hiddenReason"`);
    await db.query(`ALTER TABLE "albums" DROP COLUMN "hiddenAt"`);
  }
}
