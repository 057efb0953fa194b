import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../dist/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The built api (dist/main.js) in a child process on `env`, ready to answer; `preload` runs first (node -r). */
export async function startChildApi(
  env: Record<string, string>,
  preload?: string,
): Promise<{ child: ChildProcess; baseUrl: string }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nest build" in backend first`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(preload ? ['-r', preload] : []), MAIN], {
    env: { ...process.env, ...env, PORT: String(port), WEB_DIR: '', PUBLIC_URL: baseUrl },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`child api exited with ${child.exitCode}`);
    const up = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) return { child, baseUrl };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('child api did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGKILL, and wait until the process is gone. */
export function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
