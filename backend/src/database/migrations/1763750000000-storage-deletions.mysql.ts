import type { MigrationInterface, QueryRunner } from 'typeorm';

/** storage_deletions: the outbox of stored objects to delete (see StorageDeletionEntity). */
export class StorageDeletionsMysql1763750000000 implements MigrationInterface {
  name = 'StorageDeletionsMysql1763750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE TABLE `storage_deletions` (`id` varchar(36) NOT NULL, `key` varchar(512) NOT NULL, `createdAt` bigint NOT NULL, `dueAt` bigint NOT NULL, `attempts` int NOT NULL DEFAULT 0, INDEX `IDX_storage_deletions_due` (`dueAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `storage_deletions`');
  }
}
