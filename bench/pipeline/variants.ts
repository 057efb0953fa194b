/**
 * `npm run bench:pipeline-variants -w bench`: the embedded and production runs against copies of
 * backend/dist with one change each, interleaved with the unchanged build, so a proposal for the
 * backend comes with end-to-end numbers without touching backend/. The patches edit compiled
 * JavaScript by exact text and fail loudly when the code they target has changed.
 * BENCH_VARIANTS picks them (default: all); BENCH_N, BENCH_REPEAT etc. as for the pipeline run.
 */
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cleanup } from './cleanup';
import { loadConfig } from './config';
import { runGallery, type GalleryMode } from './gallery-run';
import { makeImages } from './images';
import { waitForQuiet } from './machine';
import { printTable, writeResults, type Row } from './report';
import { best, toRow } from './rows';

interface Patch {
  file: string;
  from: string;
  to: string;
}

const CORES = 'Math.max(1, (0, node_os_1.cpus)().length)';

const VARIANTS: Record<string, { about: string; patches: Patch[] }> = {
  unchanged: { about: 'backend/dist as built', patches: [] },
  'queue+1': {
    about: 'one more job in flight than cores (worker and in-process queue)',
    patches: [
      { file: 'queue/bull.queue.js', from: `concurrency: ${CORES}`, to: `concurrency: ${CORES} + 1` },
      {
        file: 'queue/in-process.queue.js',
        from: `concurrency = ${CORES};`,
        to: `concurrency = ${CORES} + 1;`,
      },
    ],
  },
  effort2: {
    about: 'WebP effort 2 instead of 4 for preview and thumbnail',
    patches: [
      {
        file: 'media/image-pipeline.js',
        from: '{ quality: 82, effort: 4 }',
        to: '{ quality: 82, effort: 2 }',
      },
      {
        file: 'media/image-pipeline.js',
        from: '{ quality: 80, effort: 4 }',
        to: '{ quality: 80, effort: 2 }',
      },
    ],
  },
};

async function main(): Promise<void> {
  const config = loadConfig();
  const names = (process.env.BENCH_VARIANTS || Object.keys(VARIANTS).join(',')).split(',');
  const unknown = names.filter((n) => !VARIANTS[n]);
  if (unknown.length)
    throw new Error(`unknown variant(s) ${unknown.join(', ')}: ${Object.keys(VARIANTS).join(', ')}`);
  const modes = config.runs.filter((r): r is GalleryMode => r === 'embedded' || r === 'production');
  const cleanup = new Cleanup();
  process.once('SIGINT', () => void cleanup.run().finally(() => process.exit(130)));
  try {
    const root = await mkdtemp(join(tmpdir(), 'gallery-bench-variants-'));
    cleanup.defer('remove temp dir', () => rm(root, { recursive: true, force: true }));
    const builds = new Map<string, string>();
    for (const name of names)
      builds.set(
        name,
        await patchedCopy(config.backendDist, config.repoRoot, join(root, name), VARIANTS[name]!.patches),
      );
    await mkdir(join(root, 'images'));
    const files = await makeImages(join(root, 'images'), config.n, config.lanes);
    const rows: Row[] = [];
    for (let repetition = 1; repetition <= config.repeat; repetition++) {
      for (const name of names) {
        for (const mode of modes) {
          console.log(`▶ ${name} ${mode} #${repetition}`);
          await waitForQuiet();
          const dir = join(root, `${name}-${mode}-${repetition}`);
          await mkdir(dir);
          const result = await runGallery(
            mode,
            files,
            dir,
            { ...config, backendDist: builds.get(name)! },
            cleanup,
          );
          await rm(dir, { recursive: true, force: true });
          const row = toRow(mode, VARIANTS[name]!.about, config.n, repetition, result);
          rows.push({ ...row, run: `${name} ${mode}` });
          console.log(
            `  ${row.imagesPerSecond.toFixed(2)} images/s, other load ${Math.round(row.otherLoad * 100)} %`,
          );
        }
      }
    }
    printTable(best(rows));
    const file = await writeResults(join(config.repoRoot, 'bench', 'results'), 'pipeline-variants', {
      benchmark: 'pipeline-variants',
      n: config.n,
      rows,
    });
    console.log(`\nSaved ${file}`);
  } finally {
    await cleanup.run();
  }
}

/** A copy of the build that resolves packages from the repository, with `patches` applied. */
async function patchedCopy(dist: string, repoRoot: string, dir: string, patches: Patch[]): Promise<string> {
  const target = join(dir, 'backend', 'dist');
  await cp(dist, target, { recursive: true });
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  await symlink(join(repoRoot, 'backend', 'node_modules'), join(dir, 'backend', 'node_modules'));
  for (const { file, from, to } of patches) {
    const path = join(target, file);
    const source = await readFile(path, 'utf8');
    if (!source.includes(from)) throw new Error(`patch no longer applies: "${from}" not in ${file}`);
    await writeFile(path, source.replace(from, to));
  }
  return target;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
