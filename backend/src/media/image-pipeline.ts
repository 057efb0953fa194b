import { LIMITS, type StageColor } from '@gallery/contracts';
import sharp, {
  type Metadata,
  type KernelEnum,
  type Sharp,
  type SharpOptions,
  type WebpOptions,
} from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import { uploadFacts } from './upload-facts';
import { dominantColors, type RawPixels } from './dominant-colors';

/** The formats a painter may upload, named as the api reports them. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff';

/** Why an image was refused. All three are permanent: retrying cannot change the bytes. */
export type ImageRejection = 'unsupported' | 'too-large' | 'corrupt';

const REJECTION_MESSAGES: Record<ImageRejection, string> = {
  unsupported: 'This file is not a supported image (JPEG, PNG, WebP, AVIF, GIF, TIFF)',
  'too-large': `This image is larger than ${LIMITS.imagePixels / 1_000_000} megapixels`,
  corrupt: 'This image is damaged or incomplete and could not be read',
};

/** An upload the pipeline refuses for good; `message` is written for the painter. */
export class ImageRejectedError extends Error {
  override readonly name = 'ImageRejectedError';
  /** Tells the job runner not to retry. */
  readonly permanent = true as const;

  constructor(
    readonly kind: ImageRejection,
    options?: ErrorOptions,
  ) {
    super(REJECTION_MESSAGES[kind], options);
  }
}

/** What the header says, with width and height as the painter sees them (EXIF orientation applied). */
export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
  /** Self-reported by the file (EXIF DateTimeOriginal), for the provenance record; null when absent. */
  capturedAt: Date | null;
  /** Self-reported creating software (EXIF Software, PNG "Software" text); null when absent. */
  software: string | null;
}

/** An encoded WebP and its size in pixels. */
export interface EncodedImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Everything a stage needs from its original, made from one decode. */
export interface ProcessedImage {
  /** Size of the original as displayed (EXIF orientation applied). */
  width: number;
  height: number;
  /** WebP, longest side at most 1600 px, never enlarged. */
  preview: EncodedImage;
  /** WebP, 400 px wide (at most 1200 px high), never enlarged. */
  thumb: EncodedImage;
  /** ThumbHash, base64. */
  placeholder: string;
  /** Up to four colours, heaviest first; see {@link dominantColors}. */
  colors: StageColor[];
}

export const PREVIEW_SIZE = 1600;
const THUMB_WIDTH = 400;
/** A scroll-long vertical painting must not turn into a 400 × 6000 "thumbnail". */
const THUMB_MAX_HEIGHT = 1200;
/** The encoder's own limit; more detail is wasted on a blurred placeholder. */
const PLACEHOLDER_SIZE = 100;
const COLOR_SAMPLE_SIZE = 64;
/**
 * The 1600 px encode dominates the CPU cost (60 % of a job). Effort 2 instead of 4 cuts job CPU by
 * 30 % (bench/pipeline variants: embedded 5.6 → 7.0–7.8 img/s) for previews 9 % larger at the same
 * fidelity (PSNR 35.1 vs 34.7 dB); effort 3 saves almost nothing.
 */
const PREVIEW_WEBP = { quality: 82, effort: 2 } as const;
const THUMB_WEBP = { quality: 80, effort: 2 } as const;

export const DECODE_OPTIONS: SharpOptions = {
  limitInputPixels: LIMITS.imagePixels,
  // 'error' also stops on truncation: a cut-off JPEG must fail, not publish with a grey bottom half.
  failOn: 'error',
  sequentialRead: true,
  // GIF and multi-page TIFF: the first frame is the artwork.
  pages: 1,
};

/** libvips messages that mean the bytes themselves are bad, whichever loader read them. */
const DECODE_FAILURE =
  /corrupt header|premature end|unexpected end|read error|bad seek|invalid input|VipsJpeg|vipspng|spng|gifload|webp|heif|tiff/i;

/**
 * One libvips thread per image and no operation cache: a worker gets its parallelism from two
 * jobs in flight (docs/stack.md measures ~6 img/s that way), and cached decodes of originals that are
 * never read twice would only hold memory.
 */
export function configureSharp(): void {
  sharp.cache(false);
  sharp.concurrency(1);
}

/**
 * Reads only the header of an upload to learn its real type and size, never trusting the file name.
 * An image declaring more than {@link LIMITS.imagePixels} is refused before any pixel is decoded.
 * @throws ImageRejectedError `unsupported`, `too-large`, or `corrupt` when a known format's header is damaged.
 */
export async function inspectImage(input: Buffer | string): Promise<ImageInfo> {
  return readHeader(open(input));
}

/**
 * Turns an original into everything a stage shows: decodes once, auto-orients, shrinks to preview
 * size in sRGB, then derives the preview, thumbnail, placeholder and colours from those pixels.
 * Outputs carry no metadata at all (no EXIF, GPS, XMP, IPTC or ICC).
 * @throws ImageRejectedError when the image can never be processed; any other error is transient.
 */
export async function processImage(input: Buffer | string): Promise<ProcessedImage> {
  const image = open(input);
  const { width, height } = await readHeader(image);
  const pixels = await decodeForPreview(image);
  const [preview, thumb, placeholder, colors] = await Promise.all([
    encodeWebp(pixels, PREVIEW_SIZE, PREVIEW_SIZE, PREVIEW_WEBP),
    encodeWebp(pixels, THUMB_WIDTH, THUMB_MAX_HEIGHT, THUMB_WEBP),
    thumbhash(pixels),
    sample(pixels, COLOR_SAMPLE_SIZE, 'nearest').then(dominantColors),
  ]);
  return { width, height, preview, thumb, placeholder, colors };
}

function open(input: Buffer | string): Sharp {
  try {
    return sharp(input, DECODE_OPTIONS);
  } catch (err) {
    // sharp refuses an empty buffer synchronously.
    throw asRejection(err);
  }
}

async function readHeader(image: Sharp): Promise<ImageInfo> {
  let metadata: Metadata;
  try {
    metadata = await image.metadata();
  } catch (err) {
    throw asRejection(err);
  }
  const format = uploadFormat(metadata);
  if (!format) throw new ImageRejectedError('unsupported');
  // sharp enforces limitInputPixels on the header too; checking here keeps the promise explicit.
  if (metadata.width * metadata.height > LIMITS.imagePixels) throw new ImageRejectedError('too-large');
  return {
    format,
    width: metadata.autoOrient.width,
    height: metadata.autoOrient.height,
    ...uploadFacts(metadata),
  };
}

function uploadFormat({ format, compression }: Metadata): ImageFormat | undefined {
  switch (format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
    case 'tiff':
      return format;
    case 'heif':
      // libvips reports AVIF as HEIF; HEIC (HEVC) is not something browsers or our libvips can read.
      return compression === 'av1' ? 'avif' : undefined;
    default:
      return undefined;
  }
}

/** The one decode: shrink-on-load where the format allows it, then 8-bit sRGB, alpha kept. */
async function decodeForPreview(image: Sharp): Promise<RawPixels> {
  try {
    const { data, info } = await image
      .autoOrient()
      .resize(PREVIEW_SIZE, PREVIEW_SIZE, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch (err) {
    throw asRejection(err);
  }
}

/** A sharp pipeline over the decoded pixels, so no later step touches the original again. */
function fromPixels({ data, width, height, channels }: RawPixels): Sharp {
  if (channels !== 3 && channels !== 4) throw new Error(`expected sRGB pixels, got ${channels} channels`);
  return sharp(data, { raw: { width, height, channels } });
}

async function encodeWebp(
  pixels: RawPixels,
  maxWidth: number,
  maxHeight: number,
  options: WebpOptions,
): Promise<EncodedImage> {
  const { data, info } = await fromPixels(pixels)
    .resize(maxWidth, maxHeight, { fit: 'inside', withoutEnlargement: true })
    .webp(options)
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * The pixels shrunk to fit `size` × `size`, always RGBA. Colours sample with `nearest`: averaging
 * would invent in-between colours along every edge (the pink rim of a red dot on grey).
 */
async function sample(pixels: RawPixels, size: number, kernel?: keyof KernelEnum): Promise<RawPixels> {
  const { data, info } = await fromPixels(pixels)
    .resize(size, size, { fit: 'inside', withoutEnlargement: true, kernel })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

async function thumbhash(pixels: RawPixels): Promise<string> {
  const { data, width, height } = await sample(pixels, PLACEHOLDER_SIZE);
  return Buffer.from(rgbaToThumbHash(width, height, data)).toString('base64');
}

/** Bad bytes become a permanent rejection; anything else (out of memory, I/O) stays retryable. */
function asRejection(err: unknown): unknown {
  const message = err instanceof Error ? err.message : String(err);
  // A loader can report memory trouble in its own words ("VipsJpeg: Insufficient memory").
  if (/memory|alloc/i.test(message)) return err;
  if (/pixel limit/i.test(message)) return new ImageRejectedError('too-large', { cause: err });
  if (/unsupported image format|buffer is empty/i.test(message))
    return new ImageRejectedError('unsupported', { cause: err });
  if (DECODE_FAILURE.test(message)) return new ImageRejectedError('corrupt', { cause: err });
  return err;
}
