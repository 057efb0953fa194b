import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { runSharpDirect, runVipsthumbnail, type BaselineResult } from './baselines';
import { Cleanup } from './cleanup';
import { loadConfig, type PipelineConfig, type RunName } from './config';
import { runGallery, type GalleryResult } from './gallery-run';
import { makeImages } from './images';
import { waitForQuiet } from './machine';
import { gitCommit, preflight, vipsthumbnailVersion } from './preflight';
import { printTable, writeResults, type Row } from './report';
import { best, toRow } from './rows';

const DESCRIPTIONS: Record<RunName, string> = {
  vipsthumbnail: 'vipsthumbnail CLI, preview + thumb per file, xargs -P <lanes>',
  sharp: "sharp alone, same two outputs, Gallery's sharp settings, <lanes> in flight",
  embedded: 'Gallery default: SQLite, media on disk, in-process queue in the api',
  production: 'Gallery: MariaDB, S3 (s3rver), Bull on Redis, api JOBS_IN_API=false + 1 worker',
};

/** `npm run bench -- pipeline`: see bench/README.md. */
export async function main(): Promise<void> {
  const config = loadConfig();
  const problems = preflight(config);
  if (problems.length) {
    for (const p of problems) console.error(`✗ ${p}`);
    process.exitCode = 1;
    return;
  }
  const cleanup = new Cleanup();
  const onSignal = (signal: NodeJS.Signals): void => {
    console.error(`\n${signal}: cleaning up…`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  try {
    const root = await mkdtemp(join(tmpdir(), 'gallery-bench-pipeline-'));
    cleanup.defer('remove temp dir', () => rm(root, { recursive: true, force: true }));
    console.log(
      `Pipeline benchmark: ${config.n} × 4000×3000 JPEG q90, ${cpus().length} cores, ` +
        `runs: ${config.runs.join(', ')}, ×${config.repeat}`,
    );
    const files = await makeImages(await dir(root, 'images'), config.n, config.lanes);
    const rows: Row[] = [];
    // Round-robin, so a burst of load elsewhere hurts one repetition of each run, not all of one.
    for (let repetition = 1; repetition <= config.repeat; repetition++) {
      for (const run of config.runs) {
        const description = DESCRIPTIONS[run].replace('<lanes>', String(config.lanes));
        console.log(`▶ ${run}${config.repeat > 1 ? ` #${repetition}` : ''}: ${description}`);
        await waitForQuiet();
        const runDir = await dir(root, `${run}-${repetition}`);
        const result = await measure(run, files, runDir, config, cleanup);
        await rm(runDir, { recursive: true, force: true });
        const row = toRow(run, description, config.n, repetition, result);
        rows.push(row);
        console.log(`  ${row.imagesPerSecond.toFixed(2)} images/s (${row.seconds.toFixed(1)} s)`);
        if (row.otherLoad > 0.1)
          console.warn(`  ⚠ other processes used ${Math.round(row.otherLoad * 100)} % of the CPU meanwhile`);
      }
    }
    const table = best(rows);
    console.log(config.repeat > 1 ? `\nBest of ${config.repeat} per run:` : '');
    printTable(table);
    const file = await writeResults(
      join(config.repoRoot, 'bench', 'results'),
      'pipeline',
      report(config, table, rows),
    );
    console.log(`\nSaved ${file}`);
  } catch (err) {
    console.error(`\n✗ ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    await cleanup.run();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

function measure(
  run: RunName,
  files: string[],
  runDir: string,
  config: PipelineConfig,
  cleanup: Cleanup,
): Promise<BaselineResult | GalleryResult> {
  switch (run) {
    case 'vipsthumbnail':
      return runVipsthumbnail(files, runDir, config.lanes);
    case 'sharp':
      return runSharpDirect(files, runDir, config.lanes, config.repoRoot);
    case 'embedded':
    case 'production':
      return runGallery(run, files, runDir, config, cleanup);
  }
}

function report(config: PipelineConfig, table: Row[], all: Row[]): object {
  return {
    benchmark: 'pipeline',
    date: new Date().toISOString(),
    commit: gitCommit(config.repoRoot),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? null,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      sharp: { sharp: sharp.versions.sharp, vips: sharp.versions.vips, webp: sharp.versions.webp },
      vipsthumbnail: vipsthumbnailVersion(),
    },
    settings: {
      n: config.n,
      repeat: config.repeat,
      lanes: config.lanes,
      warmup: config.warmup,
      pollMs: config.pollMs,
      filesPerRequest: config.filesPerRequest,
      parallelUploads: config.parallelUploads,
      backendDist: config.backendDist,
    },
    results: table,
    repetitions: all,
  };
}

async function dir(root: string, name: string): Promise<string> {
  const path = join(root, name);
  await mkdir(path, { recursive: true });
  return path;
}
