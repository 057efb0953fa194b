import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Chat: edits, tombstones, replies, mentions, reactions, group pins and the message_fts search table. */
export class ChatFeaturesSqlite1763830000000 implements MigrationInterface {
  name = 'ChatFeaturesSqlite1763830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "messages" ADD COLUMN "editedAt" bigint NULL`);
    await db.query(`ALTER TABLE "messages" ADD COLUMN "deletedAt" bigint NULL`);
    await db.query(`ALTER TABLE "messages" ADD COLUMN "replyToId" varchar(36) NULL`);
    await db.query(`ALTER TABLE "messages" ADD COLUMN "mentions" text NULL`);
    await db.query(
      `CREATE TABLE "message_reactions" ("messageId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "emoji" varchar(16) NOT NULL, "createdAt" bigint NOT NULL, PRIMARY KEY ("messageId", "userId", "emoji"), CONSTRAINT "FK_reactions_message" FOREIGN KEY ("messageId") REFERENCES "messages" ("id") ON DELETE CASCADE, CONSTRAINT "FK_reactions_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE INDEX "IDX_reactions_user" ON "message_reactions" ("userId")`);
    await db.query(
      `CREATE TABLE "conversation_pins" ("conversationId" varchar(36) NOT NULL, "messageId" varchar(36) NOT NULL, "pinnedById" varchar(36) NOT NULL, "pinnedAt" bigint NOT NULL, PRIMARY KEY ("conversationId", "messageId"), CONSTRAINT "FK_pins_conversation" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE, CONSTRAINT "FK_pins_message" FOREIGN KEY ("messageId") REFERENCES "messages" ("id") ON DELETE CASCADE)`,
    );
    // FTS5 keeps its own index; the app writes to it when a message is sent, edited or deleted.
    await db.query(
      `CREATE VIRTUAL TABLE "message_fts" USING fts5("messageId" UNINDEXED, "conversationId" UNINDEXED, "body", tokenize = 'unicode61 remove_diacritics 2')`,
    );
    await db.query(
      `INSERT INTO "message_fts" ("messageId", "conversationId", "body") SELECT "id", "conversationId", "body" FROM "messages" WHERE "body" <> ''`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const t of ['message_fts', 'conversation_pins', 'message_reactions'])
      await db.query(`DROP TABLE "${t}"`);
    for (const c of ['mentions', 'replyToId', 'deletedAt', 'editedAt'])
      await db.query(`ALTER TABLE "messages" DROP COLUMN "${c}"`);
  }
}
