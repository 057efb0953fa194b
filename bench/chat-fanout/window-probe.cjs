// Preloaded into both servers (`node -r <this> …`: the built api and bare-server.ts), so the
// benchmark can watch exactly its measured window from inside them without touching backend/.
// Each SIGWINCH toggles a window; at its end window-<n>.json lands in CHAT_BENCH_PROBE_DIR with
// the main thread's event-loop delay and GC pauses (a stall of a few tens of ms on 1000 sockets
// is the p99), and, with CHAT_BENCH_PROFILE=1, window-<n>.cpuprofile before it.
// SIGWINCH, not SIGUSR2: Nest's enableShutdownHooks() shuts the app down on SIGUSR2, while
// SIGWINCH is ignored by default, so a stray one harms nothing.
// Plain CommonJS: the api runs on plain node, without tsx.
'use strict';
const { Session } = require('node:inspector');
const { renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { constants, monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');

const dir = process.env.CHAT_BENCH_PROBE_DIR;
const profiling = process.env.CHAT_BENCH_PROFILE === '1';

/** Written aside and renamed: the benchmark polls for the name and must not read half a file. */
function publish(file, text) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** V8 profile timestamps and hrtime are both CLOCK_MONOTONIC, in µs here. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** The samples of `profile` between t0 and t1 (µs), as a profile of its own. */
function slice(profile, t0, t1) {
  const samples = [];
  const timeDeltas = [];
  let t = profile.startTime;
  let last = t0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    if (t < t0 || t > t1) return;
    samples.push(id);
    timeDeltas.push(t - last);
    last = t;
  });
  return { ...profile, startTime: t0, endTime: Math.min(t1, profile.endTime), samples, timeDeltas };
}

if (dir) {
  // The profiler runs from start-up and is cut to each window afterwards: starting it costs
  // 0.1–0.3 s of main thread once the heap is large, a stall that must not land in a window.
  const session = profiling ? new Session() : null;
  const startProfiler = () =>
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 250 }, () => session.post('Profiler.start')),
    );
  if (session) {
    session.connect();
    startProfiler();
  }
  let windows = 0;
  let open = null;

  const start = () => {
    const loop = monitorEventLoopDelay({ resolution: 1 });
    const gc = { count: 0, totalMs: 0, maxMs: 0, major: 0, majorMaxMs: 0 };
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        gc.count++;
        gc.totalMs += entry.duration;
        gc.maxMs = Math.max(gc.maxMs, entry.duration);
        if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
          gc.major++;
          gc.majorMaxMs = Math.max(gc.majorMaxMs, entry.duration);
        }
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    loop.enable();
    open = { loop, gc, observer, n: ++windows, t0: nowUs() };
  };

  const stop = () => {
    const { loop, gc, observer, n, t0 } = open;
    const t1 = nowUs();
    open = null;
    loop.disable();
    observer.disconnect();
    const memory = process.memoryUsage();
    const stats = JSON.stringify({
      loopDelayMs: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
      gc,
      heapUsedMiB: memory.heapUsed / 2 ** 20,
      rssMiB: memory.rss / 2 ** 20,
    });
    const base = join(dir, `window-${n}`);
    if (!session) return publish(`${base}.json`, stats);
    session.post('Profiler.stop', (err, result) => {
      publish(
        `${base}.cpuprofile`,
        JSON.stringify(err ? { error: String(err) } : slice(result.profile, t0, t1)),
      );
      publish(`${base}.json`, stats);
      startProfiler();
    });
  };

  process.on('SIGWINCH', () => (open ? stop() : start()));
}
