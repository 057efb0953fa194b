/** Name of the one Bull queue that carries media work. */
export const MEDIA_QUEUE = 'media';

/** Every job and its data. Producers and processors share these types. */
export interface JobData {
  /** Decode an uploaded original and make thumbnail, preview, placeholder and palette. */
  'process-stage': { stageId: string };
  /** Remove stored objects of deleted stages and artworks. */
  'delete-objects': { keys: string[] };
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
