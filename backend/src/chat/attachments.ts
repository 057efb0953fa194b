import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { open, readFile } from 'node:fs/promises';
import { ImageRejectedError, processImage } from '../media/image-pipeline';

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

/**
 * Sniffs an upload from its bytes against the allow-list. Images are re-encoded by the media
 * pipeline (≤1600 px WebP + thumbnail, metadata such as GPS stripped); PDF, ZIP and UTF-8 text
 * are kept as they are and always served as downloads, never inline.
 */
export async function prepareAttachment(path: string, originalName: string): Promise<PreparedAttachment> {
  const name = originalName.replace(/[\\/\p{Cc}]/gu, '_').slice(0, 200) || 'file';
  const head = await readHead(path, 8);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return raw(path, name, 'pdf', 'application/pdf');
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    return raw(path, name, 'zip', 'application/zip');
  try {
    const image = await processImage(path);
    return {
      data: image.preview.data,
      ext: 'webp',
      mime: 'image/webp',
      name: name.replace(/\.[^.]*$/, '') + '.webp',
      width: image.preview.width,
      height: image.preview.height,
      thumb: image.thumb.data,
    };
  } catch (err) {
    if (!(err instanceof ImageRejectedError)) throw err;
    if (err.kind === 'too-large') throw new PayloadTooLargeException(err.message);
  }
  const data = await readFile(path);
  if (/\.(txt|md|csv)$/i.test(name) && isText(data)) return { data, ext: 'txt', mime: 'text/plain', name };
  throw new UnsupportedMediaTypeException(`this type of file cannot be sent; allowed: ${ALLOWED}`);
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
