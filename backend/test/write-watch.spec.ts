import type { DataSource, QueryRunner } from 'typeorm';
import Redis from 'ioredis';
import { DATA_VERSION_KEY, DataVersion, RedisDataVersion } from '../src/read-cache/data-version';
import { redisAvailable } from './support/adapters';
import { REDIS_URL } from './support/services';
import { watchWrites } from '../src/read-cache/write-watch';
import { changesCachedReads, writtenTable } from '../src/read-cache/written-table';

describe('writtenTable: what a statement may change', () => {
  it.each([
    ['SELECT * FROM "albums"', null],
    ['  select 1', null],
    ['BEGIN TRANSACTION', null],
    ['START TRANSACTION', null],
    ['COMMIT', null],
    ['ROLLBACK TO SAVEPOINT typeorm_1', null],
    ['RELEASE SAVEPOINT typeorm_1', null],
    ['PRAGMA foreign_keys = ON', null],
    ['SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', null],
    ['INSERT INTO "albums"("id") VALUES (?)', 'albums'],
    ['INSERT OR IGNORE INTO "album_words" VALUES (?, ?)', 'album_words'],
    ['INSERT IGNORE INTO `likes` (`userId`) VALUES (?)', 'likes'],
    ['REPLACE INTO `sessions` VALUES (?)', 'sessions'],
    ['UPDATE `albums` SET `likeCount` = `likeCount` + 1 WHERE `id` = ?', 'albums'],
    ['DELETE FROM "messages" WHERE "id" = ?', 'messages'],
    ['UPDATE `likes` l JOIN `albums` a ON a.id = l.albumId SET a.likeCount = 0', '*'],
    ['CREATE TABLE "x" ("id" varchar)', '*'],
    ['WITH t AS (SELECT 1) UPDATE "albums" SET "title" = ?', '*'],
  ])('%s → %s', (sql, table) => {
    expect(writtenTable(sql)).toBe(table);
  });

  it('leaves chat, sessions and the viewer-only tables out, and counts everything else', () => {
    expect(changesCachedReads('INSERT INTO "messages" VALUES (?)')).toBe(false);
    expect(changesCachedReads('UPDATE "sessions" SET "expiresAt" = ?')).toBe(false);
    expect(changesCachedReads('INSERT INTO `likes` VALUES (?)')).toBe(false);
    expect(changesCachedReads('UPDATE "albums" SET "likeCount" = 1')).toBe(true);
    expect(changesCachedReads('UPDATE "users" SET "displayName" = ?')).toBe(true);
    expect(changesCachedReads('DROP TABLE "messages"')).toBe(true);
  });
});

/** A query runner as TypeORM's, reduced to what the watch wraps. */
class FakeRunner {
  isTransactionActive = false;
  depth = 0;
  async query(): Promise<unknown> {
    return [];
  }
  async startTransaction(): Promise<void> {
    this.depth++;
    this.isTransactionActive = true;
  }
  async commitTransaction(): Promise<void> {
    if (--this.depth === 0) this.isTransactionActive = false;
  }
  async rollbackTransaction(): Promise<void> {
    if (--this.depth === 0) this.isTransactionActive = false;
  }
}

class CountingVersion extends DataVersion {
  bumps = 0;
  async current(): Promise<string> {
    return String(this.bumps);
  }
  async bump(): Promise<void> {
    this.bumps++;
  }
}

describe('watchWrites: the data version moves after each committed write', () => {
  let version: CountingVersion;
  let runner: QueryRunner;

  beforeEach(() => {
    version = new CountingVersion();
    const shared = new FakeRunner();
    const dataSource = { driver: { createQueryRunner: () => shared } } as unknown as DataSource;
    watchWrites(dataSource, version);
    runner = (dataSource.driver as unknown as { createQueryRunner(): QueryRunner }).createQueryRunner();
  });

  it('bumps once a write outside a transaction has run, never for a read', async () => {
    await runner.query('SELECT 1');
    expect(version.bumps).toBe(0);
    await runner.query('UPDATE "albums" SET "title" = ?', ['x']);
    expect(version.bumps).toBe(1);
  });

  it('bumps after the outermost commit, not at the write, and once per transaction', async () => {
    await runner.startTransaction();
    await runner.query('UPDATE "albums" SET "title" = ?', ['x']);
    await runner.startTransaction();
    await runner.query('INSERT INTO "stages" VALUES (?)', ['s']);
    await runner.commitTransaction();
    expect(version.bumps).toBe(0);
    await runner.commitTransaction();
    expect(version.bumps).toBe(1);
  });

  it('does not bump for a transaction that rolled back, nor for one that wrote only chat', async () => {
    await runner.startTransaction();
    await runner.query('UPDATE "albums" SET "title" = ?', ['x']);
    await runner.rollbackTransaction();
    await runner.startTransaction();
    await runner.query('INSERT INTO "messages" VALUES (?)', ['hi']);
    await runner.commitTransaction();
    expect(version.bumps).toBe(0);
  });

  it('wraps a shared runner once', async () => {
    const shared = new FakeRunner();
    const dataSource = { driver: { createQueryRunner: () => shared } } as unknown as DataSource;
    watchWrites(dataSource, version);
    const driver = dataSource.driver as unknown as { createQueryRunner(): QueryRunner };
    driver.createQueryRunner();
    await driver.createQueryRunner().query('DELETE FROM "albums"');
    expect(version.bumps).toBe(1);
  });
});

/** The Redis adapter against the real Redis: what several apis and workers share. */
(redisAvailable() ? describe : describe.skip)('RedisDataVersion', () => {
  let client: Redis;
  let failures: number;
  let version: RedisDataVersion;

  beforeEach(async () => {
    client = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    client.on('error', () => undefined);
    await client.connect();
    await client.del(DATA_VERSION_KEY);
    failures = 0;
    version = new RedisDataVersion(client, () => failures++);
  });
  afterEach(() => client.quit());

  it('starts a lost key at a random value, so a restarted Redis never repeats an old version', async () => {
    const first = await version.current();
    await client.del(DATA_VERSION_KEY); // Redis restarted without persistence
    await version.bump();
    const afterRestart = await version.current();
    expect(afterRestart).not.toBe(first);
    expect(Number(afterRestart)).toBeGreaterThan(1);
  });

  it('moves the version once Redis answers again after a bump that failed', async () => {
    const before = await version.current();
    client.disconnect(true); // offline: commands fail at once, then ioredis reconnects
    await version.bump();
    expect(failures).toBe(1);
    expect(await version.current()).toBeNull(); // readers fall back to the database meanwhile
    const deadline = Date.now() + 5000;
    let now = await version.current();
    while ((now === null || now === before) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      now = await version.current();
    }
    expect(now).not.toBeNull();
    expect(now).not.toBe(before);
  });
});
