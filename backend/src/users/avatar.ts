import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { LIMITS } from '@gallery/contracts';
import sharp from 'sharp';

const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff', 'heif']);

/**
 * Makes the square WebP avatar from an upload. The type is read from the bytes by libvips,
 * never from the file name or Content-Type; metadata (GPS!) is dropped by re-encoding.
 */
export async function renderAvatar(upload: Buffer): Promise<Buffer> {
  const image = sharp(upload, { limitInputPixels: LIMITS.imagePixels, failOn: 'error' });
  let format: string | undefined;
  try {
    format = (await image.metadata()).format;
  } catch (err) {
    if (/pixel limit/i.test(String(err))) throw new PayloadTooLargeException('image exceeds 100 megapixels');
    throw new UnsupportedMediaTypeException(
      'file is not a supported image (JPEG, PNG, WebP, AVIF, GIF, TIFF)',
    );
  }
  if (!format || !IMAGE_FORMATS.has(format)) {
    throw new UnsupportedMediaTypeException(
      'file is not a supported image (JPEG, PNG, WebP, AVIF, GIF, TIFF)',
    );
  }
  try {
    return await image
      .rotate()
      .resize(LIMITS.avatarSize, LIMITS.avatarSize, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new UnsupportedMediaTypeException('image could not be decoded; it may be damaged');
  }
}
