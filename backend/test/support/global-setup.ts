import { mysqlReachable, redisReachable } from './services';

/**
 * Probes the real services once. On CI (CI=true) a missing service fails the run: a green
 * build must mean the MariaDB and Redis suites ran. Locally they are skipped with a warning.
 */
export default async function globalSetup(): Promise<void> {
  const [mysqlError, redisError] = await Promise.all([mysqlReachable(), redisReachable()]);
  const missing = [
    mysqlError &&
      `MariaDB/MySQL (${process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306/test'}): ${mysqlError}`,
    redisError && `Redis (${process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'}): ${redisError}`,
  ].filter(Boolean);
  if (missing.length && process.env.CI === 'true') {
    throw new Error(`Services the suites need are down:\n  ${missing.join('\n  ')}`);
  }
  for (const m of missing) console.warn(`\n⚠ skipping suites that need ${m}`);
  process.env.GALLERY_TEST_MYSQL = mysqlError ? '' : '1';
  process.env.GALLERY_TEST_REDIS = redisError ? '' : '1';
}
