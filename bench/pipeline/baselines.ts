import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { machineBusySeconds } from './machine';

/** One baseline run: wall time for all images, and the CPU its processes used. */
export interface BaselineResult {
  seconds: number;
  cpuSeconds: number;
  /** Largest resident set of any one process of the run, when known. */
  peakRssBytes: number | null;
  /** Busy CPU of the whole machine over the same window: shows load the run did not make. */
  machineCpuSeconds: number;
}

/** The command-line reference: what libvips does with no application around it. */
export const VIPSTHUMBNAIL_HINT =
  'vipsthumbnail is not installed. On Debian/Ubuntu: sudo apt-get install -y libvips-tools';

/**
 * `vipsthumbnail` making the same two outputs per file as Gallery (1600 px preview, 400 px
 * thumbnail, WebP Q 82), `lanes` files at a time through xargs -P. Each call decodes the JPEG
 * itself with shrink-on-load, so this is two decodes per image against Gallery's one. bash's
 * `times` builtin reports the CPU of all children, xargs and every vipsthumbnail included.
 */
export async function runVipsthumbnail(
  files: string[],
  outDir: string,
  lanes: number,
): Promise<BaselineResult> {
  const script = `
    out=$1; lanes=$2; shift 2
    printf '%s\\0' "$@" | xargs -0 -n 1 -P "$lanes" sh -c '
      vipsthumbnail "$1" --size 1600x1600 -o "$0/%s-p.webp[Q=82]" &&
      vipsthumbnail "$1" --size 400x1200 -o "$0/%s-t.webp[Q=82]"' "$out"
    status=$?
    times
    exit $status`;
  const machineBefore = await machineBusySeconds();
  const started = performance.now();
  const { code, stdout, stderr } = await run('bash', ['-c', script, 'bash', outDir, String(lanes), ...files]);
  const seconds = (performance.now() - started) / 1000;
  const machineCpuSeconds = (await machineBusySeconds()) - machineBefore;
  if (code !== 0) throw new Error(`vipsthumbnail run failed (${code}):\n${stderr}`);
  await expectOutputs(outDir, files.length * 2);
  return { seconds, cpuSeconds: childCpuFromTimes(stdout), peakRssBytes: null, machineCpuSeconds };
}

/**
 * The same two outputs through sharp with Gallery's settings (one libvips thread per image, no
 * cache, `lanes` images in flight) in a fresh process: separates "libvips build and version" from
 * "what Gallery adds", since sharp bundles newer libvips/libwebp than Debian's vipsthumbnail.
 */
export async function runSharpDirect(
  files: string[],
  outDir: string,
  lanes: number,
  repoRoot: string,
): Promise<BaselineResult> {
  const child = join(__dirname, 'sharp-direct.ts');
  const { code, stdout, stderr } = await run(
    process.execPath,
    ['--import', 'tsx', child, outDir, String(lanes), ...files],
    repoRoot,
  );
  if (code !== 0) throw new Error(`sharp baseline failed (${code}):\n${stderr}`);
  await expectOutputs(outDir, files.length * 2);
  return JSON.parse(stdout.trim().split('\n').pop()!) as BaselineResult;
}

/** bash `times`: a line for the shell, then one for its children ("0m12.345s 0m1.234s"). */
function childCpuFromTimes(output: string): number {
  const lines = output.trim().split('\n');
  const children = lines[lines.length - 1] ?? '';
  const parts = [...children.matchAll(/(\d+)m([\d.]+)s/g)];
  if (parts.length !== 2) throw new Error(`unexpected output of bash times: ${output}`);
  return parts.reduce((sum, [, m, s]) => sum + Number(m) * 60 + Number(s), 0);
}

async function expectOutputs(dir: string, count: number): Promise<void> {
  const made = (await readdir(dir)).filter((f) => f.endsWith('.webp')).length;
  if (made !== count) throw new Error(`expected ${count} WebP files in ${dir}, found ${made}`);
}

function run(
  command: string,
  args: string[],
  cwd?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
