import { spawnSync, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus } from 'node:os';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A free loopback port (tiny race until the server binds it; fine on a quiet machine). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Kernel clock ticks per second, the unit of /proc CPU times. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** User + system CPU seconds a process has used so far (all its threads). */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Busy CPU seconds of the whole machine since boot: differences reveal other people's load. */
export async function machineBusySeconds(): Promise<number> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n', 1)[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  return (
    ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / CLOCK_TICKS
  );
}

/**
 * Waits until the machine is nearly idle (under `threshold` of all cores for a second), at most
 * `maxWaitMs`: latency on a shared 2-core box is mostly a measure of who else is running.
 * Returns the last busy fraction seen.
 */
export async function waitForQuiet(threshold = 0.15, maxWaitMs = 60_000): Promise<number> {
  const deadline = Date.now() + maxWaitMs;
  let warned = false;
  for (;;) {
    const before = await machineBusySeconds();
    await sleep(1000);
    const busy = ((await machineBusySeconds()) - before) / cpus().length;
    if (busy < threshold || Date.now() > deadline) return busy;
    if (!warned) console.log(`  waiting for a quiet machine (${Math.round(busy * 100)} % busy)…`);
    warned = true;
  }
}

/** Keeps the last lines a child printed, to explain a failure. */
export function captureOutput(child: ChildProcess): { text: () => string } {
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { text: () => output };
}

/** SIGTERM, then SIGKILL if the process lingers; resolves once it is gone. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await closed;
  clearTimeout(timer);
}
