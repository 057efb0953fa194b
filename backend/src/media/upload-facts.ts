import exifReader from 'exif-reader';
import type { Metadata } from 'sharp';

/** What an upload says about its own making, read before any step strips metadata. */
export interface UploadFacts {
  capturedAt: Date | null;
  software: string | null;
}

const SOFTWARE_MAX = 120;

/**
 * EXIF DateTimeOriginal and Software from sharp's metadata (its raw EXIF block, parsed with
 * exif-reader), or a PNG `Software` text chunk. EXIF times carry no zone: exif-reader reads them as
 * UTC. A damaged EXIF block is ignored, never a reason to refuse the image.
 */
export function uploadFacts(metadata: Pick<Metadata, 'exif' | 'comments'>): UploadFacts {
  let capturedAt: Date | null = null;
  let software: string | null = null;
  if (metadata.exif?.length) {
    try {
      const exif = exifReader(metadata.exif);
      const taken = exif.Photo?.DateTimeOriginal;
      if (taken instanceof Date && !Number.isNaN(taken.getTime())) capturedAt = taken;
      software = clean(exif.Image?.Software);
    } catch {
      // Unreadable EXIF: no facts.
    }
  }
  software ??= clean(metadata.comments?.find((c) => c.keyword.toLowerCase() === 'software')?.text);
  return { capturedAt, software };
}

function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return text ? text.slice(0, SOFTWARE_MAX) : null;
}
