import { resolve } from 'node:path';

/** Everything the search benchmark reads from its environment, in one place. */
export interface SearchBenchConfig {
  /** MariaDB server (no database in the path); the benchmark creates its own database on it. */
  serverUrl: string;
  database: string;
  painters: number;
  artworks: number;
  /** Concurrent clients, each in a closed loop (next request when the previous answer is read). */
  clients: number;
  /** Measured seconds per scenario (BENCH_SECONDS) and untimed warm-up seconds before it. */
  seconds: number;
  warmupSeconds: number;
  /** Stop a scenario early after this many requests (BENCH_REQUESTS; 0 = time only). */
  maxRequests: number;
  /** Scenarios to run (BENCH_ONLY, a case-insensitive regex on the names, e.g. "search|baseline"). */
  only: RegExp;
  /** Keep the database after the run (BENCH_KEEP=1): the next run skips seeding. */
  keep: boolean;
  /** Seed again even when a seeded database exists (BENCH_RESEED=1). */
  reseed: boolean;
  /**
   * Before each scenario, wait up to quietWaitSeconds (BENCH_QUIET_WAIT) for other processes to
   * use under quietCores (BENCH_QUIET_CORES): the machine is shared.
   */
  quietCores: number;
  quietWaitSeconds: number;
  /** p95 goal in ms: the table marks every scenario against it. */
  goalP95Ms: number;
  repoRoot: string;
  backendMain: string;
  resultsDir: string;
}

function intEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}`);
  return value;
}

function flag(name: string): boolean {
  return ['1', 'true', 'yes'].includes((process.env[name] ?? '').toLowerCase());
}

export function loadConfig(): SearchBenchConfig {
  const repoRoot = resolve(__dirname, '../..');
  const database = process.env.BENCH_DB || 'gallery_bench_search';
  // The name goes into CREATE/DROP DATABASE unquoted by placeholders, so allow identifiers only.
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error('BENCH_DB must be [a-z0-9_]+');
  return {
    serverUrl: (process.env.BENCH_MYSQL_URL || 'mysql://root@127.0.0.1:3306').replace(/\/$/, ''),
    database,
    painters: intEnv('BENCH_PAINTERS', 10_000, 10),
    artworks: intEnv('BENCH_ARTWORKS', 100_000, 100),
    clients: intEnv('BENCH_CLIENTS', 20, 1),
    seconds: intEnv('BENCH_SECONDS', 15, 1),
    warmupSeconds: intEnv('BENCH_WARMUP_SECONDS', 2, 0),
    maxRequests: intEnv('BENCH_REQUESTS', 0, 0),
    only: new RegExp(process.env.BENCH_ONLY || '.', 'i'),
    keep: flag('BENCH_KEEP'),
    reseed: flag('BENCH_RESEED'),
    quietCores: Number(process.env.BENCH_QUIET_CORES || 0.3),
    quietWaitSeconds: intEnv('BENCH_QUIET_WAIT', 120, 0),
    goalP95Ms: 30,
    repoRoot,
    backendMain: resolve(process.env.BENCH_BACKEND_DIST || resolve(repoRoot, 'backend/dist'), 'main.js'),
    resultsDir: resolve(repoRoot, 'bench/results'),
  };
}

export function databaseUrl(config: SearchBenchConfig): string {
  return `${config.serverUrl}/${config.database}`;
}
