import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ClientPlan, ClientResult, FromClient, ToClient } from './protocol';

export interface WindowHooks {
  /** Called when the measured sending starts and once its last delivery arrived (or timed out). */
  onWindow: (edge: 'start' | 'end') => Promise<void> | void;
}

/**
 * Runs one plan in a fresh client process (child_process.fork): the sockets must not share an
 * event loop with the server they measure, and a fresh process starts with no leftover sockets.
 */
export function runClient(plan: ClientPlan, hooks: WindowHooks): Promise<ClientResult> {
  const child = fork(join(__dirname, 'client.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise<ClientResult>((resolve, reject) => {
    let settled = false;
    const finish = (err: Error | null, result?: ClientResult): void => {
      if (settled) return;
      settled = true;
      if (err) {
        child.kill('SIGKILL');
        reject(err);
      } else resolve(result!);
    };
    // Window hooks sample CPU; they run in order, and the result waits for them.
    let hookChain = Promise.resolve();
    let reported = false;
    child.on('message', (message: FromClient) => {
      if (message.kind === 'progress') console.log(`    ${message.text}`);
      else if (message.kind === 'window') {
        hookChain = hookChain
          .then(() => hooks.onWindow(message.edge))
          .then(() => void child.send({ kind: 'window-ready' } satisfies ToClient));
        // The client waits for window-ready: a failed hook must end the run, not hang it.
        hookChain.catch((err: unknown) => finish(err instanceof Error ? err : new Error(String(err))));
      } else if (message.kind === 'done') {
        reported = true;
        hookChain.then(
          () => finish(null, message.result),
          (err: unknown) => finish(err instanceof Error ? err : new Error(String(err))),
        );
      } else finish(new Error(`client: ${message.error}`));
    });
    child.once('error', (err) => finish(err));
    child.once('exit', (code) => {
      if (!reported) finish(new Error(`client exited (${code}) before reporting`));
    });
    child.send({ kind: 'run', plan } satisfies ToClient);
  });
}
