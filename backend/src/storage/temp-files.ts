import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where multer parts are spooled: one file each, named `<pid>-<random>`. */
export const TEMP_UPLOAD_DIR = join(tmpdir(), 'gallery-uploads');

/** Prefix of an image job's work directory in tmpdir: `gallery-stage-<pid>-<random>`. */
const STAGE_DIR_PREFIX = 'gallery-stage-';

/** A temp file older than this belongs to no request or job that can still be running. */
export const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/** A work directory for one image job, named after this process so a crash can be cleaned up. */
export function makeStageWorkDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), `${STAGE_DIR_PREFIX}${process.pid}-`));
}

/** The name of a new upload part in TEMP_UPLOAD_DIR (the caller adds randomness). */
export function tempUploadName(random: string): string {
  return `${process.pid}-${random}`;
}

/** True while a process with this id runs (on this host: tmpdir is not shared across hosts). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, owned by someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files and work directories that nothing can be using any more: those of processes
 * that are gone (a killed api or worker), and any older than `maxAgeMs` (pid reused, or files
 * from before pids were in the names). Returns how many entries went.
 */
export async function sweepTempFiles(maxAgeMs = TEMP_MAX_AGE_MS, now = Date.now()): Promise<number> {
  const candidates: { path: string; name: string }[] = [];
  const uploads = await readdir(TEMP_UPLOAD_DIR).catch(() => [] as string[]);
  candidates.push(...uploads.map((name) => ({ path: join(TEMP_UPLOAD_DIR, name), name })));
  const top = await readdir(tmpdir()).catch(() => [] as string[]);
  candidates.push(
    ...top
      .filter((name) => name.startsWith(STAGE_DIR_PREFIX))
      .map((name) => ({ path: join(tmpdir(), name), name: name.slice(STAGE_DIR_PREFIX.length) })),
  );
  let removed = 0;
  for (const { path, name } of candidates) {
    const pid = /^(\d+)-/.exec(name)?.[1];
    let stale = pid !== undefined && !alive(Number(pid));
    if (!stale) {
      const info = await stat(path).catch(() => null);
      if (!info) continue;
      stale = now - info.mtimeMs > maxAgeMs;
    }
    if (!stale) continue;
    await rm(path, { recursive: true, force: true }).catch(() => undefined);
    removed++;
  }
  return removed;
}
