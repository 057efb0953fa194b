import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversations order by their last message (UUIDv7 ids), so `lastMessageAt` goes: a send no
 * longer writes the conversation row (one round trip less per message).
 */
export class ConversationOrderSqlite1763840000000 implements MigrationInterface {
  name = 'ConversationOrderSqlite1763840000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "conversations" DROP COLUMN "lastMessageAt"`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "conversations" ADD COLUMN "lastMessageAt" bigint NOT NULL DEFAULT 0`);
  }
}
