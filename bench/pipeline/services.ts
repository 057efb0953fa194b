import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import type { Cleanup } from './cleanup';
import { commandExists, freePort, Managed } from './proc';

/**
 * s3rver in a child process on a free loopback port, and the S3 environment for an api or worker
 * talking to it, as docs/stack.md prescribes (path-style, 127.0.0.1, WHEN_REQUIRED checksums).
 */
export async function startS3rver(
  dir: string,
  repoRoot: string,
  cleanup: Cleanup,
): Promise<{ env: Record<string, string>; pid: number }> {
  const bucket = 'gallery-bench';
  await mkdir(dir, { recursive: true });
  const child = Managed.start(
    's3rver',
    process.execPath,
    ['--import', 'tsx', join(__dirname, 's3rver-child.ts'), dir, bucket],
    {
      env: process.env,
      logFile: `${dir}.log`,
      cwd: repoRoot,
    },
  );
  cleanup.defer('stop s3rver', () => child.stop());
  const port = (await child.waitForOutput(/S3RVER_PORT=(\d+)/, 30_000))[1];
  return {
    pid: child.pid,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
      // s3rver stores aws-chunked bodies verbatim; checksums only when required avoids that framing.
      S3_CHECKSUM: 'when_required',
    },
  };
}

/**
 * A private redis-server on a free loopback port, no persistence: nothing to flush, nothing
 * shared with whatever else uses the machine's Redis. Without the binary, falls back to a
 * separate db index of the shared server, flushed before and after.
 */
export async function startRedis(
  dir: string,
  sharedUrl: string,
  cleanup: Cleanup,
): Promise<{ url: string; pid: number | null }> {
  if (!commandExists('redis-server')) {
    console.warn(`  redis-server not found; using ${sharedUrl} (FLUSHDB before and after)`);
    await flush(sharedUrl);
    cleanup.defer('flush shared Redis db', () => flush(sharedUrl));
    // Shared with others: its CPU is not this run's alone, so it is not attributed.
    return { url: sharedUrl, pid: null };
  }
  const port = await freePort();
  await mkdir(dir, { recursive: true });
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
  ];
  const redis = Managed.start('redis-server', 'redis-server', args, {
    env: process.env,
    logFile: join(dir, 'redis.log'),
  });
  cleanup.defer('stop redis-server', () => redis.stop());
  await redis.waitForOutput(/Ready to accept connections/, 10_000);
  return { url: `redis://127.0.0.1:${port}`, pid: redis.pid };
}

async function flush(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    await client.flushdb();
  } finally {
    client.disconnect();
  }
}

/** A fresh, empty database for one run (the api migrates it at start), dropped afterwards. */
export async function createDatabase(serverUrl: string, cleanup: Cleanup): Promise<string> {
  const name = `gallery_bench_${randomBytes(4).toString('hex')}`;
  const admin = await connect(serverUrl);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  cleanup.defer(`drop database ${name}`, async () => {
    const conn = await connect(serverUrl);
    try {
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    } finally {
      await conn.end();
    }
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function connect(url: string) {
  try {
    return await createConnection(url);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const hint =
      code === 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR'
        ? `\nAllow root's empty password over TCP once: mariadb -uroot -e "ALTER USER root@localhost IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')"`
        : '\nSet BENCH_MYSQL_URL, or leave "production" out of BENCH_RUNS.';
    throw new Error(`cannot reach MariaDB at ${url}: ${(err as Error).message}${hint}`);
  }
}
