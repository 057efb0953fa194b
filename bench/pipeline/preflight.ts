import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PipelineConfig } from './config';
import { VIPSTHUMBNAIL_HINT } from './baselines';
import { commandExists } from './proc';

/**
 * Refuses to start a multi-minute run that cannot finish: missing vipsthumbnail (the reference
 * every ratio needs) or an unbuilt backend. Warns when the build is older than the sources,
 * because numbers from a stale build describe code that no longer exists.
 */
export function preflight(config: PipelineConfig): string[] {
  const problems: string[] = [];
  if (config.runs.includes('vipsthumbnail') && !commandExists('vipsthumbnail'))
    problems.push(VIPSTHUMBNAIL_HINT);
  if (config.runs.includes('embedded') || config.runs.includes('production')) {
    const main = join(config.backendDist, 'main.js');
    const worker = join(config.backendDist, 'worker.js');
    if (!existsSync(main) || !existsSync(worker)) {
      problems.push(
        `The backend is not built (${main} missing). Run \`npm run build\` at the repository root first.`,
      );
    } else {
      const newest = newestMtime(join(config.repoRoot, 'backend', 'src'));
      if (newest > statSync(main).mtimeMs)
        console.warn(
          `⚠ ${config.backendDist} is older than backend/src: run \`npm run build\` to measure the current code.\n`,
        );
    }
  }
  return problems;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts'))
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The vipsthumbnail libvips version line, for the results file. */
export function vipsthumbnailVersion(): string | null {
  const out = spawnSync('vipsthumbnail', ['--vips-version'], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : null;
}

export function gitCommit(repoRoot: string): string | null {
  const out = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : null;
}
