import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Conversations (with the public room), members with read and deletion marks, messages. */
export class ChatSqlite1763730000000 implements MigrationInterface {
  name = 'ChatSqlite1763730000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "conversations" ("id" varchar PRIMARY KEY NOT NULL, "kind" varchar(10) NOT NULL, "name" varchar(60), "directKey" varchar(80), "lastMessageAt" bigint NOT NULL)`,
    );
    await db.query(`CREATE UNIQUE INDEX "UQ_conversations_direct" ON "conversations" ("directKey")`);
    await db.query(
      `CREATE TABLE "conversation_members" ("conversationId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "role" varchar(10) NOT NULL DEFAULT ('member'), "joinedAt" bigint NOT NULL, "lastReadId" varchar(36), "clearedThroughId" varchar(36), "hidden" boolean NOT NULL DEFAULT (0), PRIMARY KEY ("conversationId", "userId"), CONSTRAINT "FK_members_conversation" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE, CONSTRAINT "FK_members_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE INDEX "IDX_members_user" ON "conversation_members" ("userId")`);
    await db.query(
      `CREATE TABLE "messages" ("id" varchar PRIMARY KEY NOT NULL, "conversationId" varchar(36) NOT NULL, "senderId" varchar(36) NOT NULL, "body" text NOT NULL, "attachment" text, "createdAt" bigint NOT NULL, CONSTRAINT "FK_messages_conversation" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE, CONSTRAINT "FK_messages_sender" FOREIGN KEY ("senderId") REFERENCES "users" ("id") ON DELETE CASCADE)`,
    );
    await db.query(`CREATE INDEX "IDX_messages_conversation" ON "messages" ("conversationId", "id")`);
    await db.query(
      `INSERT INTO "conversations" ("id", "kind", "name", "lastMessageAt") VALUES ('public', 'public', 'Public room', 0)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const t of ['messages', 'conversation_members', 'conversations'])
      await db.query(`DROP TABLE "${t}"`);
  }
}
