import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { open, readFile } from 'node:fs/promises';
import { ImageRejectedError, inspectImage, reencodeImage } from '../media/image-pipeline';

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

/**
 * Sniffs an upload from its bytes against the allow-list. Images are re-encoded at their size and
 * in their format (a JPEG stays a JPEG; TIFF becomes PNG) with a WebP thumbnail, orientation
 * applied and every piece of metadata (GPS!) dropped; PDF, ZIP and UTF-8 text are kept as they
 * are and always served as downloads, never inline.
 */
export async function prepareAttachment(path: string, originalName: string): Promise<PreparedAttachment> {
  const name = attachmentName(originalName);
  const head = await readHead(path, 8);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return raw(path, name, 'pdf', 'application/pdf');
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    return raw(path, name, 'zip', 'application/zip');
  try {
    const image = await reencodeImage(path, await inspectImage(path));
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
  }
  const data = await readFile(path);
  if (/\.(txt|md|csv)$/i.test(name) && isText(data)) return { data, ext: 'txt', mime: 'text/plain', name };
  throw new UnsupportedMediaTypeException(`this type of file cannot be sent; allowed: ${ALLOWED}`);
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
