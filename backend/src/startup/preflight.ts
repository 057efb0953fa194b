import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';
import type { AppConfig } from '../config/app-config';

/** How long start-up keeps trying a dependency that refuses connections (it may be booting). */
const DEADLINE_MS = 3000;

/** The URL with its password replaced by ***, for messages. */
export function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function reason(err: unknown): string {
  const e = err as { code?: string; message?: string; name?: string } | null;
  return e?.code || e?.message || e?.name || String(err);
}

async function retry(attempt: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      const code = (err as { code?: string }).code;
      const transient = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
      if (!transient || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/**
 * Checks, before Nest starts, that the database, Redis and S3 answer. A wrong address then ends
 * the process within seconds with one line naming the variable and the address tried (password
 * masked), instead of stack traces from every retry. Returns the problems; empty when all is well.
 */
export async function preflight(config: AppConfig): Promise<string[]> {
  const problems: string[] = [];
  const checks: Promise<void>[] = [];
  if (config.database.kind === 'mysql') {
    const url = config.database.url;
    checks.push(
      retry(async () => {
        const conn = await mysql.createConnection({ uri: url, connectTimeout: 3000 });
        await conn.query('SELECT 1');
        await conn.end();
      }).catch(
        (err) =>
          void problems.push(`cannot reach the database at DATABASE_URL=${maskUrl(url)}: ${reason(err)}`),
      ),
    );
  }
  if (config.redisUrl) {
    const url = config.redisUrl;
    checks.push(
      retry(async () => {
        const client = new Redis(url, {
          lazyConnect: true,
          connectTimeout: 3000,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
        });
        client.on('error', () => undefined);
        try {
          await client.connect();
          await client.ping();
        } finally {
          client.disconnect();
        }
      }).catch(
        (err) => void problems.push(`cannot reach Redis at REDIS_URL=${maskUrl(url)}: ${reason(err)}`),
      ),
    );
  }
  if (config.storage.kind === 's3') {
    const s3 = config.storage;
    checks.push(
      retry(async () => {
        const client = new S3Client({
          region: s3.region,
          endpoint: s3.endpoint ?? undefined,
          forcePathStyle: s3.forcePathStyle,
          maxAttempts: 1,
          credentials:
            s3.accessKeyId && s3.secretAccessKey
              ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }
              : undefined,
        });
        try {
          await client.send(new HeadBucketCommand({ Bucket: s3.bucket }), {
            abortSignal: AbortSignal.timeout(3000),
          });
        } finally {
          client.destroy();
        }
      }).catch((err) => {
        const where = s3.endpoint ? `S3_ENDPOINT=${maskUrl(s3.endpoint)}` : `S3 (region ${s3.region})`;
        problems.push(`cannot reach bucket S3_BUCKET=${s3.bucket} at ${where}: ${reason(err)}`);
      }),
    );
  }
  await Promise.all(checks);
  return problems;
}

/** preflight(), then one line per problem and exit 1. */
export async function preflightOrExit(config: AppConfig): Promise<void> {
  const problems = await preflight(config);
  if (!problems.length) return;
  console.error(`Start-up error: ${problems.join('; ')}`);
  process.exit(1);
}
