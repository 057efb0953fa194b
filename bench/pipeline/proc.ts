import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

/** A free TCP port on loopback (tiny race until the child binds it; fine on a quiet machine). */
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

export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Kernel clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
export const CLOCK_TICKS =
  Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** What the kernel knows about a process's memory and CPU; read before it exits. */
export interface ProcStats {
  /** VmHWM: the largest resident set the process ever had. */
  peakRssBytes: number;
  /** User + system CPU time so far, all threads (libvips workers included). */
  cpuSeconds: number;
}

export async function procStats(pid: number): Promise<ProcStats> {
  const [status, stat] = await Promise.all([
    readFile(`/proc/${pid}/status`, 'utf8'),
    readFile(`/proc/${pid}/stat`, 'utf8'),
  ]);
  const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
  // The command name (field 2) may contain spaces; fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  return { peakRssBytes: hwm ? Number(hwm[1]) * 1024 : NaN, cpuSeconds: ticks / CLOCK_TICKS };
}

/** A child process whose output goes to a log file, with a way to wait for a line of it. */
export class Managed {
  private output = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    const log = createWriteStream(logFile);
    const collect = (chunk: Buffer): void => {
      log.write(chunk);
      // Keep only the tail: enough to find start-up lines and to show why a process died.
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    // A missing binary surfaces as an 'error' event; unhandled, it would kill the benchmark mid-run.
    child.once('error', (err) => collect(Buffer.from(`${name}: ${err.message}\n`)));
    this.exited = new Promise((resolve) =>
      // 'close' (not 'exit') also covers a spawn that failed, and comes after the last output.
      child.once('close', (code) => {
        log.end();
        resolve(code);
      }),
    );
  }

  static start(
    name: string,
    command: string,
    args: string[],
    options: { env: NodeJS.ProcessEnv; logFile: string; cwd?: string },
  ): Managed {
    const { env, logFile, cwd } = options;
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    return new Managed(name, child, logFile);
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} did not start`);
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  tail(lines = 30): string {
    return this.output.trimEnd().split('\n').slice(-lines).join('\n');
  }

  /** Resolves with the match once `pattern` appears in the output; rejects if the process exits or time runs out. */
  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.output);
      if (match) return match;
      if (!this.alive) throw new Error(`${this.name} exited before printing ${pattern}:\n${this.tail()}`);
      if (Date.now() > deadline)
        throw new Error(`${this.name} did not print ${pattern} in time:\n${this.tail()}`);
      await sleep(50);
    }
  }

  /** SIGTERM (graceful shutdown hooks run), then SIGKILL if it lingers. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
