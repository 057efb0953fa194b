import type { Artwork, Image, Stage } from './artworks';

/**
 * The stage an artwork opens on: the cover the painter pinned; otherwise the last finished
 * "final"; otherwise the last stage with a picture; otherwise the last. The work comes first,
 * the way to it second.
 */
export function openingStageIndex(album: Pick<Artwork, 'stages' | 'coverStageId' | 'coverPinned'>): number {
  const { stages } = album;
  if (stages.length === 0) {
    return -1;
  }
  if (album.coverPinned && album.coverStageId) {
    const pinned = stages.findIndex((stage) => stage.id === album.coverStageId);
    if (pinned >= 0) {
      return pinned;
    }
  }
  const finals = lastIndex(stages, (stage) => stage.kind === 'final' && stage.image !== null);
  if (finals >= 0) {
    return finals;
  }
  const ready = lastIndex(stages, (stage) => stage.image !== null);
  return ready >= 0 ? ready : stages.length - 1;
}

/**
 * `?stage=3` is the third stage (1-based, as people count). Anything that is not a whole
 * number within the artwork means "no choice" (null), since addresses get edited by hand.
 */
export function readStageParam(value: string | null | undefined, count: number): number | null {
  if (value === null || value === undefined || !/^\d{1,4}$/.test(value.trim())) {
    return null;
  }
  const position = Number(value);
  return position >= 1 && position <= count ? position - 1 : null;
}

function lastIndex(stages: readonly Stage[], test: (stage: Stage) => boolean): number {
  for (let i = stages.length - 1; i >= 0; i--) {
    if (test(stages[i])) {
      return i;
    }
  }
  return -1;
}

/** The thumbnail's and the preview's widths; see the image pipeline (400 px wide thumbnail, ≤ 1600 px preview). */
export function imageSrcset(image: Pick<Image, 'thumbUrl' | 'previewUrl' | 'width' | 'height'>): string {
  const { width, height } = image;
  const thumb = Math.max(1, Math.round(width * Math.min(1, 400 / width, 1200 / height)));
  const preview = Math.max(1, Math.round(width * Math.min(1, 1600 / Math.max(width, height))));
  return `${image.thumbUrl} ${thumb}w, ${image.previewUrl} ${preview}w`;
}

/**
 * How wide the artwork page's big picture is drawn: the whole width on phones and tablets, the
 * width less the 340 px side column (and gaps) from 1000 px on.
 */
export const HERO_IMAGE_SIZES = '(min-width: 1000px) calc(100vw - 420px), 100vw';
