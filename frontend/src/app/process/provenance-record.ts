import type { Provenance } from '@gallery/contracts';

/** "3f9a1c…e07b": enough of a SHA-256 to tell stages apart on screen; the record has it whole. */
export function shortHash(sha256: string): string {
  return sha256.length > 16 ? `${sha256.slice(0, 10)}…${sha256.slice(-6)}` : sha256;
}

/** The record as downloaded: exactly the JSON the api signed over, pretty-printed for reading. */
export function recordFile(record: Provenance): { name: string; blob: Blob } {
  return {
    name: `provenance-${record.albumId}.json`,
    blob: new Blob([JSON.stringify(record, null, 2) + '\n'], { type: 'application/json' }),
  };
}

/** Saves a file through a temporary link: no server round trip, the record is already here. */
export function saveFile(document: Document, { name, blob }: { name: string; blob: Blob }): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
