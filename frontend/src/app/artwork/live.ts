import { type Signal, effect, inject } from '@angular/core';
import type { Stage } from '@gallery/contracts';

import { Realtime } from '../realtime/realtime';

/** How often an artwork is fetched again while a stage is processing (sockets can drop). */
export const POLL_INTERVAL_MS = 2000;

export interface FollowStagesOptions {
  /** The artwork to follow; nothing happens while null. */
  readonly albumId: Signal<string | null>;
  /** True while any stage is pending or processing: that is when polling runs. */
  readonly busy: Signal<boolean>;
  /** Called with each stage the socket announces. */
  readonly apply: (stage: Stage) => void;
  /** Fetches the artwork again; called every POLL_INTERVAL_MS while busy. */
  readonly refresh: () => Promise<void>;
}

/**
 * Keeps an artwork's stages current: live from the socket, and by polling while something is
 * still processing, in case the socket is down. Call in an injection context; stops by itself
 * when that context is destroyed.
 */
export function followStages(options: FollowStagesOptions): void {
  const realtime = inject(Realtime);

  effect((onCleanup) => {
    const albumId = options.albumId();
    if (!albumId) {
      return;
    }
    const subscription = realtime.stageUpdates(albumId).subscribe((stage) => options.apply(stage));
    onCleanup(() => subscription.unsubscribe());
  });

  effect((onCleanup) => {
    if (!options.albumId() || !options.busy()) {
      return;
    }
    let inFlight = false;
    const timer = setInterval(() => {
      if (inFlight) {
        return;
      }
      inFlight = true;
      options
        .refresh()
        .catch(() => undefined)
        .finally(() => (inFlight = false));
    }, POLL_INTERVAL_MS);
    onCleanup(() => clearInterval(timer));
  });
}
