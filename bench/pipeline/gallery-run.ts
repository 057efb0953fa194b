import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Cleanup } from './cleanup';
import type { PipelineConfig } from './config';
import { GalleryClient } from './gallery-client';
import { machineBusySeconds, selfCpuSeconds } from './machine';
import { chunks, inLanes } from './pool';
import { freePort, Managed, procStats, sleep, type ProcStats } from './proc';
import { createDatabase, startRedis, startS3rver } from './services';

export type GalleryMode = 'embedded' | 'production';

/** A Gallery run: upload→ready time for the batch, and what its processes used. */
export interface GalleryResult {
  /** First upload request sent → last stage seen `ready`. */
  seconds: number;
  /** First upload request sent → last upload answered (originals stored, jobs queued). */
  uploadSeconds: number;
  /** CPU of api + worker during the timed window only, and each one's share. */
  cpuSeconds: number;
  apiCpuSeconds: number;
  workerCpuSeconds: number;
  /** Production: CPU of s3rver, which stands in for a remote S3 and so is not Gallery's cost. */
  s3CpuSeconds: number;
  /** The benchmark process itself over the window: the uploading client. */
  benchCpuSeconds: number;
  /** Production: CPU of the private Redis over the window. */
  servicesCpuSeconds: number;
  /** Busy CPU of the whole machine over the window. */
  machineCpuSeconds: number;
  api: ProcStats;
  worker: ProcStats | null;
  /** The api's resident set sampled every 100 ms: its peak while uploading, then while processing. */
  apiRss: { uploadPeakMiB: number; processingPeakMiB: number };
}

/** Variables that pick adapters: the benchmark sets them per mode; a developer's shell must not. */
const ADAPTER_VARS =
  /^(DATABASE_URL|REDIS_URL|S3_|MEDIA_DIR|JOBS_IN_API|SESSION_SECRET|PUBLIC_URL|WEB_DIR|PORT)/;

/**
 * Starts Gallery in `mode`, pushes a warm-up batch through (JIT, connection pools, sharp's lazy
 * init are start-up costs, not throughput), then times `files` from the first upload byte to the
 * last `ready`, uploading as the web app does: 20 files per request, 2 requests at a time.
 */
export async function runGallery(
  mode: GalleryMode,
  files: string[],
  dir: string,
  config: PipelineConfig,
  parent: Cleanup,
): Promise<GalleryResult> {
  const cleanup = new Cleanup();
  // Ctrl-C mid-run reaches this run's servers through the parent; a normal end empties it first.
  parent.defer(`${mode} run`, () => cleanup.run());
  try {
    const { api, worker, services, s3 } = await startGallery(mode, dir, config, cleanup);
    const client = new GalleryClient(api.baseUrl);
    await client.register(`bench_${mode}_${Date.now().toString(36)}`);
    const warmup = files.slice(0, config.warmup);
    if (warmup.length) await uploadAndWait(client, await client.createArtwork('Warm-up'), warmup, config);

    const albumId = await client.createArtwork('Benchmark');
    const apiBefore = await procStats(api.process.pid);
    const workerBefore = worker ? await procStats(worker.pid) : null;
    const [servicesBefore, s3Before, machineBefore, selfBefore] = [
      await totalCpu(services),
      await totalCpu(s3),
      await machineBusySeconds(),
      selfCpuSeconds(),
    ];
    const rss = new RssSampler(api.process.pid);
    const timing = await uploadAndWait(client, albumId, files, config, () => rss.nextPhase());
    rss.stop();
    // Read before stopping: /proc/<pid> disappears with the process.
    const apiAfter = await procStats(api.process.pid);
    const workerAfter = worker ? await procStats(worker.pid) : null;
    const servicesCpuSeconds = (await totalCpu(services)) - servicesBefore;
    const s3CpuSeconds = (await totalCpu(s3)) - s3Before;
    const machineCpuSeconds = (await machineBusySeconds()) - machineBefore;
    const benchCpuSeconds = selfCpuSeconds() - selfBefore;
    const apiCpuSeconds = apiAfter.cpuSeconds - apiBefore.cpuSeconds;
    const workerCpuSeconds =
      workerAfter && workerBefore ? workerAfter.cpuSeconds - workerBefore.cpuSeconds : 0;
    return {
      ...timing,
      cpuSeconds: apiCpuSeconds + workerCpuSeconds,
      apiCpuSeconds,
      workerCpuSeconds,
      servicesCpuSeconds,
      s3CpuSeconds,
      benchCpuSeconds,
      machineCpuSeconds,
      api: apiAfter,
      worker: workerAfter,
      apiRss: { uploadPeakMiB: rss.peaksMiB[0] ?? 0, processingPeakMiB: rss.peaksMiB[1] ?? 0 },
    };
  } finally {
    await cleanup.run();
  }
}

async function startGallery(
  mode: GalleryMode,
  dir: string,
  config: PipelineConfig,
  cleanup: Cleanup,
): Promise<{
  api: { process: Managed; baseUrl: string };
  worker: Managed | null;
  services: number[];
  s3: number[];
}> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !ADAPTER_VARS.test(key))),
    NODE_ENV: 'production',
    PORT: String(port),
    DATA_DIR: join(dir, 'data'),
    // Upload temp files and per-job scratch copies land in the run's directory, removed with it.
    TMPDIR: join(dir, 'tmp'),
    // Production config refuses to start without one; a fresh one per run.
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    // As deployed: docker/Dockerfile and backend's start scripts set MALLOC_ARENA_MAX=2 (see
    // docs/stack.md). BENCH_MALLOC_ARENAS=default leaves glibc's own (8 per core) for comparison.
    ...(config.mallocArenas === 'default' ? {} : { MALLOC_ARENA_MAX: config.mallocArenas }),
  };
  if (config.mallocArenas === 'default') delete env.MALLOC_ARENA_MAX;
  await mkdir(env.TMPDIR!, { recursive: true });
  const services: number[] = [];
  const s3: number[] = [];
  if (mode === 'production') {
    const redis = await startRedis(join(dir, 'redis'), config.sharedRedisUrl, cleanup);
    // Only the private Redis counts as the run's own: the MariaDB server (and a shared Redis) also
    // serve whatever else runs on the machine, so their CPU shows up as other load. On a quiet
    // machine MariaDB's part is small (~0.005 CPU-s per image measured).
    if (redis.pid !== null) services.push(redis.pid);
    const s3rver = await startS3rver(join(dir, 's3rver'), config.repoRoot, cleanup);
    s3.push(s3rver.pid);
    Object.assign(env, s3rver.env, {
      DATABASE_URL: await createDatabase(config.mysqlUrl, cleanup),
      REDIS_URL: redis.url,
      JOBS_IN_API: 'false',
    });
  }
  const node = (name: string, script: string): Managed => {
    const child = Managed.start(name, process.execPath, [join(config.backendDist, script)], {
      env,
      logFile: join(dir, `${name}.log`),
      cwd: config.repoRoot,
    });
    cleanup.defer(`stop ${name}`, () => child.stop());
    return child;
  };
  const api = { process: node('api', 'main.js'), baseUrl: `http://127.0.0.1:${port}` };
  await waitForHealth(api.process, api.baseUrl);
  let worker: Managed | null = null;
  if (mode === 'production') {
    worker = node('worker', 'worker.js');
    await worker.waitForOutput(/Worker consuming media jobs/, 60_000);
  }
  return { api, worker, services, s3 };
}

async function waitForHealth(api: Managed, baseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!api.alive) throw new Error(`the api exited during start-up:\n${api.tail()}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`the api was not healthy within 60 s:\n${api.tail()}`);
    await sleep(100);
  }
}

async function uploadAndWait(
  client: GalleryClient,
  albumId: string,
  files: string[],
  config: PipelineConfig,
  uploaded: () => void = () => undefined,
): Promise<{ seconds: number; uploadSeconds: number }> {
  const started = performance.now();
  await inLanes(chunks(files, config.filesPerRequest), config.parallelUploads, (batch) =>
    client.upload(albumId, batch),
  );
  const uploadSeconds = (performance.now() - started) / 1000;
  uploaded();
  // Polling, not events: the readiness a visitor sees is the album the api returns. The poll
  // interval bounds the error (≤ pollMs late), reported alongside the results.
  const deadline = Date.now() + 120_000 + files.length * 10_000;
  for (;;) {
    const { stages } = await client.album(albumId);
    const failed = stages.filter((s) => s.status === 'failed');
    if (failed.length) throw new Error(`${failed.length} stage(s) failed: ${failed[0]!.error}`);
    if (stages.length === files.length && stages.every((s) => s.status === 'ready')) break;
    if (Date.now() > deadline) throw new Error(`stages not ready in time: ${summarise(stages)}`);
    await sleep(config.pollMs);
  }
  return { seconds: (performance.now() - started) / 1000, uploadSeconds };
}

function summarise(stages: { status: string }[]): string {
  const counts = new Map<string, number>();
  for (const { status } of stages) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ') || 'no stages';
}

async function totalCpu(pids: number[]): Promise<number> {
  const stats = await Promise.all(pids.map((pid) => procStats(pid)));
  return stats.reduce((sum, s) => sum + s.cpuSeconds, 0);
}

/** Samples a process's VmRSS every 100 ms and keeps the peak of each phase (upload, processing). */
class RssSampler {
  readonly peaksMiB: number[] = [0];
  private readonly timer: NodeJS.Timeout;

  constructor(pid: number) {
    this.timer = setInterval(() => {
      void readFile(`/proc/${pid}/status`, 'utf8').then(
        (status) => {
          const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
          const phase = this.peaksMiB.length - 1;
          this.peaksMiB[phase] = Math.max(this.peaksMiB[phase]!, Math.round(kb / 1024));
        },
        () => undefined,
      );
    }, 100);
  }

  nextPhase(): void {
    this.peaksMiB.push(0);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
