import { fork, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Api } from './api';
import { databaseUrl, loadConfig, type SearchBenchConfig } from './config';
import { cpuSeconds, machineBusySeconds, mariadbPid, waitForQuiet } from './cpu';
import { connect, count, databaseExists, dropDatabase } from './db';
import { closedLoop, percentile, type LoadOptions } from './load';
import { printTable, writeJson, type ScenarioResult } from './report';
import { describeAnswer, scenarios } from './scenarios';
import { signedInViewers } from './viewers';
import { printSeedSummary, rowCounts, seed, termMatches, type SeedSummary } from './seed';

/**
 * `npm run bench:search -w bench`: seeds gallery_bench_search unless a seeded one is there, starts
 * the built api on it, runs every scenario at N clients, prints the table, writes JSON, and drops
 * the database unless BENCH_KEEP=1 (then the next run starts measuring at once).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  console.log(
    `bench/search: ${config.clients} clients, ${config.seconds} s per scenario (${config.database})`,
  );
  let seeding: SeedSummary | null = null;
  if (config.reseed || !(await isSeeded(config))) {
    console.log(`Seeding: ${config.painters} painters, ${config.artworks} artworks`);
    seeding = await seed(config);
    printSeedSummary(seeding);
  } else console.log('Reusing the seeded database (BENCH_RESEED=1 to seed again)');
  try {
    const db = await dataFacts(config);
    const options: LoadOptions = {
      clients: config.clients,
      seconds: config.seconds,
      maxRequests: config.maxRequests,
    };
    const results: ScenarioResult[] = config.only.test('baseline') ? [await baseline(config, options)] : [];
    const api = await Api.start(config.backendMain, databaseUrl(config));
    const dbPid = mariadbPid();
    try {
      // Signed-out clients hold what a returning browser holds: the pre-session and XSRF cookies of
      // a first visit. (Without them every request mints both, which no browser causes.)
      options.headers = { cookie: await visitorCookies(api.baseUrl) };
      // Fills the api's connection pool (20) and warms the JIT on a cheap request before any timing.
      await closedLoop(`${api.baseUrl}/api/search?q=verdaccio`, { ...options, seconds: 3, maxRequests: 0 });
      const signedIn = await signedInViewers(api.baseUrl, databaseUrl(config));
      console.log(
        `Signed-in viewers: the blocking one hides ${(100 * signedIn.hiddenShare).toFixed(1)} % of public works`,
      );
      try {
        for (const s of await scenarios(api.baseUrl, config.only, signedIn.viewers)) {
          const answer = await describeAnswer(api.baseUrl, s);
          const opts = s.headers ? { ...options, headers: s.headers } : options;
          results.push(
            await measure(config, s.name, api.baseUrl + s.path, answer, opts, api.child.pid, dbPid),
          );
        }
      } finally {
        await signedIn.remove();
      }
    } finally {
      await api.stop();
    }
    console.log('');
    printTable(results, config.goalP95Ms);
    printSignedInRatios(results);
    const file = writeJson(config, {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
      backend: backendFacts(config),
      database: db,
      seeding,
      load: { ...options, warmupSeconds: config.warmupSeconds, goalP95Ms: config.goalP95Ms },
      results,
    });
    console.log(`\nJSON: ${file}`);
  } finally {
    if (config.keep) console.log(`Kept ${config.database} (BENCH_KEEP=1).`);
    else await dropDatabase(config.serverUrl, config.database);
  }
}

async function visitorCookies(base: string): Promise<string> {
  const res = await fetch(`${base}/api/health`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Each signed-in row against the same page signed out, measured in the same run. */
function printSignedInRatios(results: ScenarioResult[]): void {
  const signedIn = results.filter((r) => r.name.includes(', signed in'));
  if (!signedIn.length) return;
  console.log('\nSigned in ÷ signed out, same page, same run:');
  for (const r of signedIn) {
    const base = results.find((b) => b.name === r.name.slice(0, r.name.indexOf(', signed in')));
    if (!base) continue;
    const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(2) : '–');
    console.log(
      `  ${r.name.padEnd(48)} p50 ×${ratio(r.p50, base.p50)}  p95 ×${ratio(r.p95, base.p95)}  ` +
        `api ms/req ×${ratio(r.cpuMsPerRequest.server, base.cpuMsPerRequest.server)}  ` +
        `db ms/req ×${ratio(r.cpuMsPerRequest.db, base.cpuMsPerRequest.db)}`,
    );
  }
}

async function isSeeded(config: SearchBenchConfig): Promise<boolean> {
  if (!(await databaseExists(config.serverUrl, config.database))) return false;
  const conn = await connect(databaseUrl(config));
  try {
    const rows = await rowCounts(conn).catch(() => null);
    return rows?.users === config.painters && rows.albums === config.artworks;
  } finally {
    await conn.end();
  }
}

/** Which build was measured: a run of the working tree says whether backend/ had uncommitted changes. */
function backendFacts(config: SearchBenchConfig): Record<string, string> {
  const git = (...args: string[]): string =>
    spawnSync('git', args, { cwd: config.repoRoot, encoding: 'utf8' }).stdout.trim();
  return {
    main: config.backendMain,
    repoHead: git('rev-parse', '--short', 'HEAD'),
    backendChanges: git('status', '--porcelain', '--', 'backend', 'libs') ? 'uncommitted changes' : 'clean',
  };
}

/** Server version, buffer pool and data size next to the figures: they explain them. */
async function dataFacts(config: SearchBenchConfig): Promise<Record<string, unknown>> {
  const conn = await connect(databaseUrl(config));
  try {
    const [[v]] = (await conn.query(
      'SELECT VERSION() AS version, @@innodb_buffer_pool_size AS bufferPool, @@innodb_ft_min_token_size AS ftMinToken',
    )) as unknown as [Record<string, unknown>[]];
    const dataBytes = await count(
      conn,
      'SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
      [config.database],
    );
    return { ...v, dataBytes, rows: await rowCounts(conn), publicMatches: await termMatches(conn) };
  } finally {
    await conn.end();
  }
}

/** The same load loop against a bare Node http server with a fixed 2 KB JSON answer. */
async function baseline(config: SearchBenchConfig, options: LoadOptions): Promise<ScenarioResult> {
  const child = fork(join(__dirname, 'baseline-server.ts'), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { port: number }) => resolve(m.port));
      child.once('exit', () => reject(new Error('baseline server exited')));
    });
    return await measure(
      config,
      'baseline: bare node http, 2 KB JSON',
      `http://127.0.0.1:${port}/`,
      '2048 bytes',
      options,
      child.pid,
      mariadbPid(),
    );
  } finally {
    child.disconnect();
  }
}

async function measure(
  config: SearchBenchConfig,
  name: string,
  url: string,
  answer: string,
  options: LoadOptions,
  serverPid: number | undefined,
  dbPid: number | undefined,
): Promise<ScenarioResult> {
  process.stdout.write(`  ${name} … `);
  // One client is enough to warm this query's pages and code paths, and a slow scenario's
  // warm-up does not leave 20 multi-second requests in flight.
  if (config.warmupSeconds)
    await closedLoop(url, { ...options, clients: 1, seconds: config.warmupSeconds, maxRequests: 0 });
  const othersBefore = await waitForQuiet(config.quietCores, config.quietWaitSeconds);
  const before = {
    server: cpuSeconds(serverPid),
    db: cpuSeconds(dbPid),
    client: process.cpuUsage(),
    machine: machineBusySeconds(),
  };
  const run = await closedLoop(url, options);
  const client = process.cpuUsage(before.client);
  const used = {
    server: cpuSeconds(serverPid) - before.server,
    db: cpuSeconds(dbPid) - before.db,
    client: (client.user + client.system) / 1e6,
  };
  const others = machineBusySeconds() - before.machine - used.server - used.db - used.client;
  const perReq = (seconds: number): number => (seconds * 1000) / Math.max(1, run.requests);
  const lat = run.latenciesMs;
  const result: ScenarioResult = {
    name,
    path: url.replace(/^http:\/\/[^/]+/, ''),
    answer,
    requests: run.requests,
    errors: run.errors,
    statuses: run.statuses,
    reqPerSec: (run.requests - run.errors) / run.seconds,
    p50: percentile(lat, 0.5),
    p95: percentile(lat, 0.95),
    p99: percentile(lat, 0.99),
    max: lat.length ? lat[lat.length - 1]! : NaN,
    meetsGoal: run.errors === 0 && percentile(lat, 0.95) <= config.goalP95Ms,
    bytesPerResponse: run.bytesPerResponse,
    cpuMsPerRequest: { server: perReq(used.server), db: perReq(used.db), client: perReq(used.client) },
    othersCores: { before: othersBefore, during: Math.max(0, others / run.seconds) },
  };
  console.log(
    `${result.reqPerSec.toFixed(0)} req/s, p95 ${result.p95.toFixed(1)} ms${run.errors ? `, ${run.errors} errors` : ''}`,
  );
  return result;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
