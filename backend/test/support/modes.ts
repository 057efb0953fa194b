import { databaseKinds, redisAvailable } from './adapters';
import type { TestAppOptions } from './test-app';

/**
 * The two ways Gallery runs. Feature suites run once per mode, so every port's shared
 * behaviour is exercised on both adapters: SQLite + disk + database sessions, and
 * MariaDB + s3rver + Redis (sessions, rate limits).
 */
export function appModes(): [string, TestAppOptions][] {
  const modes: [string, TestAppOptions][] = [
    ['embedded (SQLite, disk, sessions in db)', { database: 'sqlite' }],
  ];
  if (databaseKinds().includes('mysql')) {
    const redis = redisAvailable();
    modes.push([
      `production (MariaDB, s3rver${redis ? ', Redis' : ''})`,
      { database: 'mysql', s3: true, redis },
    ]);
  }
  return modes;
}
