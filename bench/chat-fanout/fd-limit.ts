import { spawn, spawnSync } from 'node:child_process';

/** Set in the re-executed benchmark so it raises the limit at most once. */
const RAISED = 'CHAT_BENCH_FD_RAISED';

export interface FdLimit {
  soft: number;
  hard: number;
}

/** `ulimit -n` as a shell started from here sees it (children inherit this process's limits). */
export function fdLimit(): FdLimit {
  const out = spawnSync('sh', ['-c', 'ulimit -Sn; ulimit -Hn'], { encoding: 'utf8' }).stdout.trim();
  const [soft, hard] = out.split('\n').map((v) => (v.trim() === 'unlimited' ? Infinity : Number(v)));
  return { soft: soft ?? NaN, hard: hard ?? NaN };
}

/**
 * Every socket is a file descriptor in the client and another in the server, and the common
 * default soft limit (1024) is below 1000 sockets plus the process's own files. Node cannot
 * raise its own limit, so when the soft limit is short but the hard one allows it, the benchmark
 * re-runs itself under `sh -c 'ulimit -n <hard>; exec …'`; servers and clients inherit that.
 * Resolves to 'continue' when this process may run the benchmark, 'delegated' when a re-run did.
 */
export async function ensureFdLimit(needed: number): Promise<'continue' | 'delegated'> {
  const limit = fdLimit();
  console.log(
    `fd limit (ulimit -n): soft ${limit.soft}, hard ${limit.hard}; this run needs ≥ ${needed} per process`,
  );
  if (limit.soft >= needed) return 'continue';
  if (process.env[RAISED] || limit.hard < needed) {
    throw new Error(
      `ulimit -n is ${limit.soft} (hard ${limit.hard}); raise it to ≥ ${needed} (e.g. \`ulimit -n ${needed}\`)`,
    );
  }
  const target = limit.hard === Infinity ? 'unlimited' : String(limit.hard);
  console.log(`raising the soft limit to ${target} and running again under it…`);
  const args = [...process.execArgv, ...process.argv.slice(1)];
  const child = spawn('sh', ['-c', `ulimit -n ${target} && exec "$0" "$@"`, process.execPath, ...args], {
    stdio: 'inherit',
    env: { ...process.env, [RAISED]: '1' },
  });
  const code = await new Promise<number>((resolve) => child.once('close', (c) => resolve(c ?? 1)));
  process.exitCode = code;
  return 'delegated';
}
