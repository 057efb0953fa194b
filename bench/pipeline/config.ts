import { cpus } from 'node:os';
import { resolve } from 'node:path';

/** The runs a pipeline benchmark can make, in the order they run. */
export const RUN_NAMES = ['vipsthumbnail', 'sharp', 'embedded', 'production'] as const;
export type RunName = (typeof RUN_NAMES)[number];

/** Everything the pipeline benchmark reads from its environment. */
export interface PipelineConfig {
  /** Distinct 4000×3000 JPEGs per run (BENCH_N). */
  n: number;
  /** Times each run is repeated (BENCH_REPEAT), round-robin; the table shows each run's best. */
  repeat: number;
  /** Images processed at once by the baselines: one per core, as Gallery's queue does. */
  lanes: number;
  /** Untimed images pushed through each Gallery run first, so JIT and lazy init are not measured. */
  warmup: number;
  /** How often the album is polled for readiness; bounds the timing error of a Gallery run. */
  pollMs: number;
  /**
   * Files per upload request (BENCH_FILES_PER_REQUEST, at most 20: the api's limit, and what
   * the web app sends) and requests in flight (BENCH_PARALLEL_UPLOADS, 2).
   */
  filesPerRequest: number;
  parallelUploads: number;
  repoRoot: string;
  /**
   * MALLOC_ARENA_MAX for Gallery's processes (BENCH_MALLOC_ARENAS): '2' as deployed, or 'default'
   * for glibc's own limit (8 arenas per core), to see what the setting saves.
   */
  mallocArenas: string;
  /** Where the built backend lives (BENCH_BACKEND_DIST): lets a private build be measured. */
  backendDist: string;
  /** MariaDB server for the production run; the benchmark creates and drops its own database. */
  mysqlUrl: string;
  /** Used only when no redis-server binary can be started privately; FLUSHDB before and after. */
  sharedRedisUrl: string;
  runs: RunName[];
}

function intEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}`);
  return value;
}

function runsEnv(): RunName[] {
  const raw = process.env.BENCH_RUNS;
  if (!raw) return [...RUN_NAMES];
  const wanted = raw.split(',').map((s) => s.trim());
  const unknown = wanted.filter((w) => !(RUN_NAMES as readonly string[]).includes(w));
  if (unknown.length)
    throw new Error(`BENCH_RUNS: unknown run(s) ${unknown.join(', ')}; use ${RUN_NAMES.join(',')}`);
  return RUN_NAMES.filter((r) => wanted.includes(r));
}

export function loadConfig(): PipelineConfig {
  // This file is bench/pipeline/config.ts, whichever directory npm was started from.
  const repoRoot = resolve(__dirname, '..', '..');
  return {
    n: intEnv('BENCH_N', 40, 1),
    repeat: intEnv('BENCH_REPEAT', 1, 1),
    lanes: intEnv('BENCH_LANES', cpus().length, 1),
    warmup: intEnv('BENCH_WARMUP', 2, 0),
    pollMs: intEnv('BENCH_POLL_MS', 200, 20),
    filesPerRequest: Math.min(20, intEnv('BENCH_FILES_PER_REQUEST', 20, 1)),
    parallelUploads: intEnv('BENCH_PARALLEL_UPLOADS', 2, 1),
    repoRoot,
    mallocArenas: process.env.BENCH_MALLOC_ARENAS || '2',
    backendDist: resolve(process.env.BENCH_BACKEND_DIST || resolve(repoRoot, 'backend', 'dist')),
    mysqlUrl: process.env.BENCH_MYSQL_URL || 'mysql://root@127.0.0.1:3306',
    sharedRedisUrl: process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379/5',
    runs: runsEnv(),
  };
}
