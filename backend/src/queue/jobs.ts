/** Name of the one Bull queue that carries media work. */
export const MEDIA_QUEUE = 'media';

/** Every job and its data. Producers and processors share these types. */
export interface JobData {
  /** Decode an uploaded original and make thumbnail, preview, placeholder and palette. */
  'process-stage': { stageId: string };
  /** Carry out recorded storage deletions (rows of storage_deletions); `keys` only in jobs from before the outbox. */
  'delete-objects': { ids?: string[]; keys?: string[] };
  /** Make the deep-zoom tiles of a ready stage larger than its preview (queued once it is ready). */
  'tile-stage': { stageId: string };
  /** Fingerprint a ready stage's preview for lookup (SHA-256 and perceptual hash). */
  'fingerprint-stage': { stageId: string };
  /** Render (or remove) an artwork's process film. */
  'render-timelapse': { albumId: string };
  /** Tell a painter's followers about a newly published artwork, in batches. */
  'notify-followers': { albumId: string; painterId: string };
}
export type JobName = keyof JobData;

/** 3 attempts: 1 s, then 4 s apart. */
export const RETRY = { attempts: 3, backoffMs: 1000, factor: 4 } as const;

/** Where a run stands among its attempts, so a handler knows when failing is final. */
export interface JobAttempt {
  number: number;
  final: boolean;
}

/** Thrown by handlers for failures that retrying cannot fix (a damaged file): no more attempts. */
export class PermanentJobError extends Error {}

export type JobHandler<N extends JobName> = (data: JobData[N], attempt: JobAttempt) => Promise<void>;
