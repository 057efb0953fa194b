/**
 * `npm run bench:search-profile -w bench -- <path>`: where the api's CPU goes for one request path
 * on a kept database (BENCH_KEEP=1). Starts the built api with chat-fanout's window probe, runs the
 * closed loop for BENCH_SECONDS, and prints the CPU profile of that window by purpose and package.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printProfile, summarizeProfile } from '../chat-fanout/profile-summary';
import { freePort } from './api';
import { databaseUrl, loadConfig } from './config';
import { closedLoop, percentile } from './load';

async function main(): Promise<void> {
  const config = loadConfig();
  const path = process.argv[2] ?? '/api/albums?sort=recent';
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gallery-search-profile-'));
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, '../chat-fanout/window-probe.cjs'), config.backendMain],
    {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        DATA_DIR: dir,
        DATABASE_URL: databaseUrl(config),
        SESSION_SECRET: 'bench-search-session-secret-of-32-chars-or-more',
        TRUST_PROXY: 'true',
        CHAT_BENCH_PROBE_DIR: dir,
        CHAT_BENCH_PROFILE: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    const url = `http://127.0.0.1:${port}${path}`;
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(url).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 300));
    await closedLoop(url, { clients: config.clients, seconds: 3, maxRequests: 0 });
    child.kill('SIGWINCH');
    const result = await closedLoop(url, {
      clients: config.clients,
      seconds: config.seconds,
      maxRequests: 0,
    });
    child.kill('SIGWINCH');
    const lat = result.latenciesMs;
    console.log(
      `${path}: ${(result.requests / result.seconds).toFixed(0)} req/s, p50 ${percentile(lat, 0.5).toFixed(1)} ms, ` +
        `p95 ${percentile(lat, 0.95).toFixed(1)} ms, errors ${result.errors}`,
    );
    const file = join(dir, 'window-1.json');
    for (let i = 0; i < 300 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    const summary = await summarizeProfile(join(dir, 'window-1.cpuprofile'));
    const busyMs = summary.byPurpose.reduce((sum, p) => sum + p.ms, 0);
    console.log(`  api main thread busy ${(busyMs / result.requests).toFixed(2)} ms per request`);
    printProfile(summary);
    console.log(`  profile: ${join(dir, 'window-1.cpuprofile')}`);
  } finally {
    child.kill('SIGTERM');
  }
}

void main();
