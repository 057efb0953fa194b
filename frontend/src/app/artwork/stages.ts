import type { Stage } from '@gallery/contracts';

/** True while the api is still making the stage's thumbnail and preview. */
export function isProcessing(stage: Pick<Stage, 'status'>): boolean {
  return stage.status === 'pending' || stage.status === 'processing';
}

/**
 * Takes what the server decides about a stage (its processing status, error, image and colours)
 * and keeps what the painter edits (kind, title, note) and where it stands. Used where local
 * edits may be newer than the server's copy.
 */
export function withServerState(local: Stage, server: Stage): Stage {
  if (
    local.status === server.status &&
    local.error === server.error &&
    local.image?.thumbUrl === server.image?.thumbUrl
  ) {
    // Colours arrive together with the image; nothing changed.
    return local;
  }
  return { ...local, status: server.status, error: server.error, image: server.image, colors: server.colors };
}

/** `stages` with `stage` replaced (matched by id) or, when new, added at the end. */
export function upsertStage(stages: readonly Stage[], stage: Stage): Stage[] {
  const index = stages.findIndex((s) => s.id === stage.id);
  if (index < 0) {
    return [...stages, stage];
  }
  const next = [...stages];
  next[index] = stage;
  return next;
}

/** Positions 0..n-1 in list order, as the api numbers them. */
export function renumber(stages: readonly Stage[]): Stage[] {
  return stages.map((stage, position) => (stage.position === position ? stage : { ...stage, position }));
}
