import { Controller, Get, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { isInlineImage } from './content-types';
import { MediaNotFoundError, MediaStorage, type StoredObject } from './media-storage';
import { IMMUTABLE_CACHE_CONTROL, isPrivateKey, isValidKey } from './media-key';

/** One message for absent and invalid keys alike: the route says nothing about what exists. */
const NOT_FOUND_MESSAGE = 'Media not found';

/**
 * Streams public stored objects (thumbnails, previews, avatars, attachments) from the same
 * origin as the app. Keys are unguessable, so knowing the URL is the permission to read. Private
 * objects (originals, with their EXIF and GPS) are never served here, whoever asks: their owner
 * downloads them through the stage's `original` route.
 */
@ApiTags('media')
@Controller()
export class MediaController {
  constructor(private readonly storage: MediaStorage) {}

  /**
   * Express 5 hands the wildcard over as decoded segments; they are joined and checked against
   * the key rules before storage sees them, so `..` or `%2e%2e` segments end as a 404.
   */
  @Get('media/*key')
  @ApiOperation({
    summary: 'Download a stored file',
    description:
      'Streams an image or attachment by its storage key. Responses are immutable and cacheable for a year. ' +
      'Originals are never served here (404). ' +
      'Anything that is not a raster image is sent as an attachment.',
  })
  @ApiParam({ name: 'key', description: 'Storage key, e.g. stages/3f9c…/preview.webp', type: String })
  @ApiProduces('image/webp', 'image/jpeg', 'image/png', 'image/gif', 'image/avif', 'application/octet-stream')
  @ApiResponse({ status: 200, description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 404, description: 'No file at this key' })
  async download(
    @Param('key') segments: string[] | string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const key = Array.isArray(segments) ? segments.join('/') : segments;
    // A private key answers exactly as an absent one: the route says nothing about what exists.
    if (!isValidKey(key) || isPrivateKey(key)) throw new NotFoundException(NOT_FOUND_MESSAGE);
    let object: StoredObject;
    try {
      object = await this.storage.get(key);
    } catch (error) {
      if (error instanceof MediaNotFoundError) throw new NotFoundException(NOT_FOUND_MESSAGE);
      throw error;
    }
    response.setHeader('Cache-Control', IMMUTABLE_CACHE_CONTROL);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(object.body, {
      type: object.contentType,
      length: object.size ?? undefined,
      // Only raster images may render inline; anything else (chat attachments, PDFs, text)
      // is downloaded so it can never run as a page of our origin.
      disposition: isInlineImage(object.contentType) ? undefined : 'attachment',
    });
  }
}
