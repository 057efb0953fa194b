import type { MigrationInterface } from 'typeorm';

/**
 * Nothing: album_words is MariaDB's (see the .mysql twin); SQLite keeps searching its FTS5 table
 * album_fts.
 */
export class AlbumWordsSqlite1763850000000 implements MigrationInterface {
  name = 'AlbumWordsSqlite1763850000000';

  async up(): Promise<void> {}

  async down(): Promise<void> {}
}
