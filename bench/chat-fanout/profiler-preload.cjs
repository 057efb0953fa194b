// Preloaded into the built api (`node -r <this> backend/dist/main.js`) when CHAT_BENCH_PROFILE=1,
// so the benchmark can profile exactly its measured window without touching backend/: the first
// SIGWINCH starts V8's CPU profiler, the next writes window-<n>.cpuprofile into
// CHAT_BENCH_PROFILE_DIR. Plain CommonJS: the api runs on plain node, without tsx.
// SIGWINCH, not SIGUSR2: Nest's enableShutdownHooks() shuts the app down on SIGUSR2, while
// SIGWINCH is ignored by default, so a stray one harms nothing.
'use strict';
const { Session } = require('node:inspector');
const { renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.CHAT_BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  let running = false;
  let windows = 0;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 250 }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, result) => {
      const file = join(dir, `window-${++windows}.cpuprofile`);
      // Written aside and renamed: the benchmark polls for the name and must not read half a file.
      writeFileSync(
        `${file}.tmp`,
        err ? JSON.stringify({ error: String(err) }) : JSON.stringify(result.profile),
      );
      renameSync(`${file}.tmp`, file);
    });
  });
}
