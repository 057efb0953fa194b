import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { open, readFile } from 'node:fs/promises';
import { ImageRejectedError, inspectImage, reencodeImage, type ImageInfo } from '../media/image-pipeline';

/** What a chat attachment becomes: bytes to store and how to describe them. */
export interface PreparedAttachment {
  data: Buffer;
  ext: string;
  mime: string;
  name: string;
  width?: number;
  height?: number;
  thumb?: Buffer;
}

const ALLOWED = 'images (JPEG, PNG, WebP, AVIF, GIF, TIFF), PDF, ZIP and plain text';

/** The file extension of each format an image attachment is stored in. */
const IMAGE_EXTENSIONS = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif' } as const;

/** An upload after the cheap checks (magic bytes, image header); no pixel decoded yet. */
export type InspectedAttachment =
  | { kind: 'ready'; attachment: PreparedAttachment }
  | { kind: 'image'; path: string; name: string; info: ImageInfo };

/**
 * Sniffs an upload from its bytes against the allow-list, reading only magic bytes and, for
 * images, the header (type and dimensions: more than the pixel limit is a 413 here, before any
 * decode). PDF, ZIP and UTF-8 text come back ready; images still need renderAttachment.
 */
export async function inspectAttachment(path: string, originalName: string): Promise<InspectedAttachment> {
  const name = attachmentName(originalName);
  const head = await readHead(path, 8);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-')
    return ready(await raw(path, name, 'pdf', 'application/pdf'));
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    return ready(await raw(path, name, 'zip', 'application/zip'));
  try {
    return { kind: 'image', path, name, info: await inspectImage(path) };
  } catch (err) {
    if (!(err instanceof ImageRejectedError)) throw err;
    if (err.kind === 'too-large') throw new PayloadTooLargeException(err.message);
  }
  const data = await readFile(path);
  if (/\.(txt|md|csv)$/i.test(name) && isText(data))
    return ready({ data, ext: 'txt', mime: 'text/plain', name });
  throw new UnsupportedMediaTypeException(`this type of file cannot be sent; allowed: ${ALLOWED}`);
}

/**
 * The expensive part, once every cheap check passed: images are re-encoded at their size and in
 * their format (a JPEG stays a JPEG; TIFF becomes PNG) with a WebP thumbnail, orientation applied
 * and every piece of metadata (GPS!) dropped. Other files are kept as they are and always served
 * as downloads, never inline.
 */
export async function renderAttachment(inspected: InspectedAttachment): Promise<PreparedAttachment> {
  if (inspected.kind === 'ready') return inspected.attachment;
  const { path, name, info } = inspected;
  try {
    const image = await reencodeImage(path, info);
    const ext = IMAGE_EXTENSIONS[image.format];
    const kept = image.format === 'jpeg' ? /\.jpe?g$/i.test(name) : name.toLowerCase().endsWith(`.${ext}`);
    return {
      data: image.data,
      ext,
      mime: `image/${image.format}`,
      name: kept ? name : name.replace(/\.[^.]*$/, '') + `.${ext}`,
      width: image.width,
      height: image.height,
      thumb: image.thumb,
    };
  } catch (err) {
    if (!(err instanceof ImageRejectedError)) throw err;
    if (err.kind === 'too-large') throw new PayloadTooLargeException(err.message);
    throw new UnsupportedMediaTypeException(err.message);
  }
}

/** Both steps at once, for callers with no check to run in between. */
export async function prepareAttachment(path: string, originalName: string): Promise<PreparedAttachment> {
  return renderAttachment(await inspectAttachment(path, originalName));
}

function ready(attachment: PreparedAttachment): InspectedAttachment {
  return { kind: 'ready', attachment };
}

/** Longest attachment name kept, in characters. */
const MAX_NAME = 200;

/**
 * The name shown for an attachment: path separators and control characters replaced, and a long
 * name shortened in its stem, so the extension (which decides whether text is accepted) survives.
 * Cuts between code points, never inside a surrogate pair.
 */
export function attachmentName(originalName: string): string {
  const clean = originalName.replace(/[\\/\p{Cc}]/gu, '_');
  const chars = Array.from(clean);
  if (chars.length <= MAX_NAME) return clean || 'file';
  const ext = /\.[\p{L}\p{N}]{1,10}$/u.exec(clean)?.[0] ?? '';
  const stem = chars.slice(0, MAX_NAME - Array.from(ext).length).join('');
  return stem.replace(/\.+$/, '') + ext;
}

async function raw(path: string, name: string, ext: string, mime: string): Promise<PreparedAttachment> {
  return { data: await readFile(path), ext, mime, name };
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(bytes), 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** UTF-8 without NUL bytes: text a person wrote, not a binary renamed to .txt. */
function isText(data: Buffer): boolean {
  if (data.includes(0)) return false;
  return Buffer.from(data.toString('utf8'), 'utf8').equals(data);
}
