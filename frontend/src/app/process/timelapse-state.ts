import type { Timelapse } from '@gallery/contracts';

/** The socket's payload carries the artwork; the film itself does not. */
export type TimelapseUpdate = Timelapse & { albumId: string };

/** How often the film is asked for again while it is being rendered (sockets can drop). */
export const TIMELAPSE_POLL_MS = 3000;

/** The film can be played: rendered, with a file to show. */
export function isPlayable(film: Timelapse | null): film is Timelapse & { url: string } {
  return film !== null && film.status === 'ready' && !!film.url;
}

/** Worth asking again soon: a render is queued or running. */
export function isRendering(film: Timelapse | null): boolean {
  return film?.status === 'pending';
}

/**
 * What a socket update does to the film on screen: another artwork's is ignored, and an older
 * one than shown (updates can cross a poll) does not win.
 */
export function applyTimelapseUpdate(
  current: Timelapse | null,
  albumId: string,
  update: TimelapseUpdate,
): Timelapse | null {
  if (update.albumId !== albumId) {
    return current;
  }
  if (current?.updatedAt && update.updatedAt && update.updatedAt < current.updatedAt) {
    return current;
  }
  const film: Timelapse & { albumId?: string } = { ...update };
  delete film.albumId;
  return film;
}

/** "1.2 MB", for the download button. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) {
    return `${(bytes / 1_000_000).toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

/**
 * Ask again while a film is on its way: a render is running, or the artwork qualifies (public,
 * two ready stages or more) and its film is not there yet — the render job follows the stages
 * by a moment.
 */
export function awaitingFilm(film: Timelapse | null, expected: boolean): boolean {
  if (film === null) {
    return false;
  }
  return film.status === 'pending' || (film.status === 'none' && expected);
}

/** The film's file name when downloaded, from the artwork's title. */
export function filmFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'artwork'}-process.webp`;
}
