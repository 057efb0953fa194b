import { resolve } from 'node:path';

export type System = 'gallery' | 'bare';

export interface FanoutConfig {
  /** Receiving sockets per run (the sender is one of them). */
  socketCounts: number[];
  systems: System[];
  /** Gallery accounts; sockets beyond this many share accounts round-robin (presence counts users). */
  users: number;
  rate: number;
  seconds: number;
  /** Each socket count × system pair this many times, round-robin (a shared box has bursts). */
  repeat: number;
  /** How long to wait for a quiet machine before each run; it runs anyway afterwards, flagged. */
  quietWaitMs: number;
  /** A run during which other processes took more than this share of all cores is made again… */
  maxOtherLoad: number;
  /** …up to this many times in all; the least disturbed attempt is kept. */
  attempts: number;
  warmupMessages: number;
  connectConcurrency: number;
  /** Registrations in flight: argon2 (19 MiB, 2 passes) per request, on 2 cores. */
  registerConcurrency: number;
  drainIdleMs: number;
  /** Profile the api's main thread over each Gallery measured window (CHAT_BENCH_PROFILE=1). */
  profile: boolean;
  repoRoot: string;
  backendDist: string;
  resultsDir: string;
  /** Generous limits so the benchmark measures delivery, not Gallery's throttling. */
  galleryEnv: Record<string, string>;
}

function list(name: string, fallback: string): string[] {
  return (process.env[name] || fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
}

/** Defaults are the issue's: 200 and 1000 sockets, 20 msg/s for 10 s; env vars shrink it for a try. */
export function loadConfig(): FanoutConfig {
  const repoRoot = resolve(__dirname, '..', '..');
  const socketCounts = list('CHAT_BENCH_SOCKETS', '200,1000').map(Number);
  if (socketCounts.some((n) => !Number.isInteger(n) || n < 2))
    throw new Error('CHAT_BENCH_SOCKETS must list whole numbers ≥ 2, e.g. 200,1000');
  const systems = list('CHAT_BENCH_SYSTEMS', 'gallery,bare');
  if (systems.some((s) => s !== 'gallery' && s !== 'bare'))
    throw new Error('CHAT_BENCH_SYSTEMS must list gallery and/or bare');
  return {
    socketCounts,
    systems: systems as System[],
    users: positive('CHAT_BENCH_USERS', Math.max(...socketCounts)),
    rate: positive('CHAT_BENCH_RATE', 20),
    seconds: positive('CHAT_BENCH_SECONDS', 10),
    repeat: positive('CHAT_BENCH_REPEAT', 1),
    quietWaitMs: positive('CHAT_BENCH_QUIET_WAIT_S', 180) * 1000,
    maxOtherLoad: positive('CHAT_BENCH_MAX_OTHER_LOAD_PCT', 20) / 100,
    attempts: positive('CHAT_BENCH_ATTEMPTS', 3),
    warmupMessages: 20,
    connectConcurrency: 25,
    registerConcurrency: 2,
    drainIdleMs: 3000,
    profile: process.env.CHAT_BENCH_PROFILE === '1',
    repoRoot,
    backendDist: resolve(process.env.BENCH_BACKEND_DIST || resolve(repoRoot, 'backend', 'dist')),
    resultsDir: resolve(repoRoot, 'bench', 'results'),
    galleryEnv: {
      RATE_LIMIT_AUTH_PER_IP: '1000000',
      RATE_LIMIT_AUTH_PER_USERNAME: '1000000',
      RATE_LIMIT_CHAT_PER_10S: '1000000',
    },
  };
}
