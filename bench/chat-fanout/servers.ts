import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { stopProcess } from './proc';

/** Either system as the runs see it: where to connect, and which process to watch. */
export interface Target {
  url: string;
  pid: number;
  /** Gallery with CHAT_BENCH_PROFILE=1: where the api writes window profiles. */
  profileDir: string | null;
  stop: () => Promise<void>;
}

/** Forks bare-server.ts into its own process and waits for the port it bound. */
export async function startBare(): Promise<Target> {
  const child: ChildProcess = fork(join(__dirname, 'bare-server.ts'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bare server exited (${code}) while starting`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    profileDir: null,
    stop: () => stopProcess(child),
  };
}
