import { LIMITS } from '@gallery/contracts';

const MEGABYTE = 1024 * 1024;

/** A chosen file that is not sent, and why. */
export interface RejectedFile {
  readonly name: string;
  readonly reason: string;
}

/** What to send: requests of at most LIMITS.filesPerUpload files each, in the order chosen. */
export interface UploadPlan {
  readonly batches: readonly (readonly File[])[];
  readonly rejected: readonly RejectedFile[];
}

/** Why a file cannot be a stage, or null when it may go. Checked before spending an upload on it. */
export function fileProblem(file: Pick<File, 'name' | 'type' | 'size'>): string | null {
  if (!file.type.startsWith('image/')) {
    return `${file.name} is not an image.`;
  }
  if (file.size === 0) {
    return `${file.name} is empty.`;
  }
  if (file.size > LIMITS.imageBytes) {
    const limit = Math.round(LIMITS.imageBytes / MEGABYTE);
    return `${file.name} is ${(file.size / MEGABYTE).toFixed(1)} MB — the limit is ${limit} MB.`;
  }
  return null;
}

/**
 * Splits a selection into what the api accepts in one request; files that would be refused
 * anyway are set aside with a reason. The order is kept, since stages are appended in it.
 */
export function planUpload(files: Iterable<File>): UploadPlan {
  const batches: File[][] = [];
  const rejected: RejectedFile[] = [];
  let batch: File[] = [];
  for (const file of files) {
    const reason = fileProblem(file);
    if (reason) {
      rejected.push({ name: file.name, reason });
      continue;
    }
    batch.push(file);
    if (batch.length === LIMITS.filesPerUpload) {
      batches.push(batch);
      batch = [];
    }
  }
  if (batch.length > 0) {
    batches.push(batch);
  }
  return { batches, rejected };
}

/** "sunrise.png", "sunrise.png and 1 more", "sunrise.png and 4 more": one line per request. */
export function batchLabel(files: readonly Pick<File, 'name'>[]): string {
  const [first, ...rest] = files;
  if (!first) {
    return '';
  }
  return rest.length === 0 ? first.name : `${first.name} and ${rest.length} more`;
}
