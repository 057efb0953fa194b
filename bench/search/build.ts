import { cpSync, existsSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A private copy of the built backend for the length of a run. The working tree is shared and a
 * `nest build` elsewhere deletes backend/dist for several seconds; a run lasts minutes. The copy
 * resolves packages through symlinks to the real node_modules, so it is the same build.
 */
export async function snapshotBackend(mainJs: string): Promise<{ mainJs: string; remove: () => void }> {
  const dist = dirname(mainJs);
  const backend = dirname(dist);
  await waitForStableBuild(mainJs);
  const root = mkdtempSync(join(tmpdir(), 'gallery-bench-search-build-'));
  cpSync(dist, join(root, 'backend/dist'), { recursive: true });
  symlinkSync(join(backend, 'node_modules'), join(root, 'backend/node_modules'));
  symlinkSync(join(dirname(backend), 'node_modules'), join(root, 'node_modules'));
  return {
    mainJs: join(root, 'backend/dist/main.js'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Waits (up to 3 minutes) until main.js exists and has not changed for 10 s: no build in progress. */
async function waitForStableBuild(mainJs: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  let said = false;
  while (!existsSync(mainJs) || Date.now() - statSync(mainJs).mtimeMs < 10_000) {
    if (Date.now() > deadline) throw new Error(`${mainJs} missing or changing: run \`npm run build\` first`);
    if (!said) console.log(`  waiting for ${mainJs} (a build is running?)`);
    said = true;
    await new Promise((r) => setTimeout(r, 2000));
  }
}
