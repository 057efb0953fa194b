import type { MigrationInterface, QueryRunner } from 'typeorm';

/** reports: moderation reports, at most one open per reporter and target (UQ_reports_open). */
export class ReportsSqlite1763750000000 implements MigrationInterface {
  name = 'ReportsSqlite1763750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "reports" ("id" varchar(36) PRIMARY KEY NOT NULL, "targetKind" varchar(10) NOT NULL, "targetId" varchar(36) NOT NULL, "reason" varchar(20) NOT NULL, "details" text, "reporterId" varchar(36) NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('open'), "openKey" varchar(100), "createdAt" bigint NOT NULL, CONSTRAINT "FK_reports_reporter" FOREIGN KEY ("reporterId") REFERENCES "users" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE UNIQUE INDEX "UQ_reports_open" ON "reports" ("openKey")`);
    await db.query(`CREATE INDEX "IDX_reports_status" ON "reports" ("status", "id")`);
    await db.query(`CREATE INDEX "IDX_reports_target" ON "reports" ("targetKind", "targetId")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "reports"`);
  }
}
