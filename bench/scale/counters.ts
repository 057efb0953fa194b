import { execFileSync } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Redis from 'ioredis';
import type { Connection } from 'mysql2/promise';
import { procStats } from '../pipeline/proc';

/** Calls per Redis command since the server started (INFO commandstats), plus the total. */
export async function redisCommands(url: string): Promise<Record<string, number>> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const text = await client.info('commandstats');
    const out: Record<string, number> = { total: 0 };
    for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
      out[m[1]!] = Number(m[2]);
      out.total! += Number(m[2]);
    }
    return out;
  } finally {
    client.disconnect();
  }
}

export function diff(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) if (v - (before[k] ?? 0) > 0) out[k] = v - (before[k] ?? 0);
  return out;
}

/**
 * Rows changed per table of one schema, from MariaDB's user statistics (TABLE_STATISTICS, on
 * only while the bench measures): unlike SHOW GLOBAL STATUS it is not mixed with other databases
 * on a shared server. ROWS_CHANGED_X_INDEXES counts each index entry written: the write I/O.
 */
export async function tableWrites(
  db: Connection,
  schema: string,
): Promise<Record<string, { rows: number; indexRows: number; read: number }>> {
  const [rows] = (await db.query(
    'SELECT TABLE_NAME AS t, ROWS_CHANGED AS c, ROWS_CHANGED_X_INDEXES AS x, ROWS_READ AS r FROM information_schema.TABLE_STATISTICS WHERE TABLE_SCHEMA = ?',
    [schema],
  )) as unknown as [{ t: string; c: number; x: number; r: number }[]];
  return Object.fromEntries(
    rows.map((r) => [r.t, { rows: Number(r.c), indexRows: Number(r.x), read: Number(r.r) }]),
  );
}

/** Turns MariaDB's user statistics on; the returned function puts the old setting back. */
export async function withUserStats(db: Connection): Promise<() => Promise<void>> {
  const [[row]] = (await db.query("SHOW GLOBAL VARIABLES LIKE 'userstat'")) as unknown as [
    [{ Value: string }],
  ];
  const was = row?.Value ?? 'OFF';
  if (was !== 'ON') await db.query('SET GLOBAL userstat = 1');
  return async () => {
    if (was !== 'ON') await db.query('SET GLOBAL userstat = 0');
  };
}

/** Bytes stored per top-level key prefix (originals/, previews/, …) in s3rver's directory. */
export async function storageBytes(s3Dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const walk = async (dir: string, prefix: string | null): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, prefix ?? entry.name);
      else if (entry.name.endsWith('._S3rver_object')) {
        const key = prefix ?? '(root)';
        out[key] = (out[key] ?? 0) + (await stat(path)).size;
      }
    }
  };
  // <dir>/<bucket>/<key…>
  for (const bucket of await readdir(s3Dir, { withFileTypes: true }))
    if (bucket.isDirectory()) await walk(join(s3Dir, bucket.name), null);
  return out;
}

/** The MariaDB server's pid when it runs on this machine (its CPU is shared with others). */
export function mariadbPid(): number | null {
  try {
    const pid = Number(execFileSync('pidof', ['mariadbd'], { encoding: 'utf8' }).trim().split(' ')[0]);
    return pid || null;
  } catch {
    return null;
  }
}

export async function cpuOf(pid: number | null | undefined): Promise<number> {
  if (!pid) return 0;
  return procStats(pid).then(
    (s) => s.cpuSeconds,
    () => 0,
  );
}

/** Resident set size now (VmRSS), bytes. */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}
