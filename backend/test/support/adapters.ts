import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { MYSQL_URL } from './services';

export type DatabaseKind = 'sqlite' | 'mysql';

/** The database adapters a suite runs on; MariaDB only when globalSetup found it. */
export function databaseKinds(): DatabaseKind[] {
  return process.env.GALLERY_TEST_MYSQL === '1' ? ['sqlite', 'mysql'] : ['sqlite'];
}

export const redisAvailable = (): boolean => process.env.GALLERY_TEST_REDIS === '1';

/** A fresh, empty MariaDB database for one suite; dropped by the returned function. */
export async function createMysqlDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gallery_t_${randomBytes(4).toString('hex')}`;
  const conn = await mysql.createConnection({ uri: MYSQL_URL });
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const url = new URL(MYSQL_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await mysql.createConnection({ uri: MYSQL_URL });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
