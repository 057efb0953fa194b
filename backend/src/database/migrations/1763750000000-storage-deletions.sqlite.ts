import type { MigrationInterface, QueryRunner } from 'typeorm';

/** storage_deletions: the outbox of stored objects to delete (see StorageDeletionEntity). */
export class StorageDeletionsSqlite1763750000000 implements MigrationInterface {
  name = 'StorageDeletionsSqlite1763750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "storage_deletions" ("id" varchar(36) PRIMARY KEY NOT NULL, "key" varchar(512) NOT NULL, "createdAt" bigint NOT NULL, "dueAt" bigint NOT NULL, "attempts" integer NOT NULL DEFAULT (0))`,
    );
    await db.query(`CREATE INDEX "IDX_storage_deletions_due" ON "storage_deletions" ("dueAt")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "storage_deletions"`);
  }
}
