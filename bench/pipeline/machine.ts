import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { CLOCK_TICKS, sleep } from './proc';

/**
 * CPU seconds all processes on the machine have used since boot (the aggregate "cpu" line of
 * /proc/stat minus idle and iowait). Differences over a run show load the benchmark did not make:
 * on a shared 2-core box a test suite running elsewhere halves every figure.
 */
export async function machineBusySeconds(): Promise<number> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n', 1)[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  return (
    ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / CLOCK_TICKS
  );
}

/** This process's own CPU (the benchmark's client, s3rver): not foreign load. */
export function selfCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Waits until the machine is nearly idle (under `threshold` of all cores over one second), up to
 * `maxWaitMs`; returns the last busy fraction measured so the caller can warn and record it.
 */
export async function waitForQuiet(
  threshold = 0.15,
  // BENCH_QUIET_WAIT_S: on a machine that is never quiet, waiting only delays the runs.
  maxWaitMs = Number(process.env.BENCH_QUIET_WAIT_S ?? 120) * 1000,
): Promise<number> {
  const deadline = Date.now() + maxWaitMs;
  let warned = false;
  for (;;) {
    const before = await machineBusySeconds();
    await sleep(1000);
    const busy = ((await machineBusySeconds()) - before) / cpus().length;
    if (busy < threshold || Date.now() > deadline) return busy;
    if (!warned) {
      console.log(
        `  waiting for a quiet machine (other processes use ${Math.round(busy * 100)} % of the CPU)…`,
      );
      warned = true;
    }
  }
}
