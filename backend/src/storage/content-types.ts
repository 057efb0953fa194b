/** Sent when a key's extension names nothing we know: browsers will download it rather than guess. */
export const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

/**
 * Extension → content type for every kind of file Gallery stores. Keys always end with an
 * extension the app chose, so this map (not the stored metadata) is the authority on local disk.
 */
// A Map, not an object literal: an extension such as ".constructor" must not find a prototype member.
const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['webp', 'image/webp'],
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['png', 'image/png'],
  ['gif', 'image/gif'],
  ['avif', 'image/avif'],
  ['tif', 'image/tiff'],
  ['tiff', 'image/tiff'],
  ['pdf', 'application/pdf'],
  ['txt', 'text/plain; charset=utf-8'],
  ['zip', 'application/zip'],
  // Deep-zoom descriptors (stage tiles); not an inline image, so the media route sends it as an attachment.
  ['dzi', 'application/xml'],
  ['bin', FALLBACK_CONTENT_TYPE],
]);

/** The content type a key's extension names, or application/octet-stream. */
export function contentTypeFor(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return FALLBACK_CONTENT_TYPE;
  return CONTENT_TYPES.get(name.slice(dot + 1).toLowerCase()) ?? FALLBACK_CONTENT_TYPE;
}

/**
 * True for the raster image types a browser may render inline. SVG is deliberately absent (it is
 * not in the map either): it can carry script, so it must never be served inline from our origin.
 */
export function isInlineImage(contentType: string): boolean {
  return /^image\/(webp|jpeg|png|gif|avif|tiff)(;|$)/i.test(contentType);
}
