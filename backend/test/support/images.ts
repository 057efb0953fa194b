import sharp from 'sharp';

/** A real PNG of the given size, so tests exercise libvips, not a stub. */
export function png(width = 600, height = 400, color = '#c0392b'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
}

/** A JPEG carrying GPS coordinates in its EXIF, as phones write them. */
export function jpegWithGps(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2e86c1' } })
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'Camera' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 0/1',
      },
    })
    .jpeg()
    .toBuffer();
}

/** A JPEG as a painting app exports it: EXIF Software and DateTimeOriginal (IFD2 is the Exif IFD). */
export function jpegFromKrita(
  width = 640,
  height = 480,
  color = '#8e44ad',
  taken = '2024:03:05 14:22:10',
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .withExif({ IFD0: { Software: 'Krita 5.2' }, IFD2: { DateTimeOriginal: taken } })
    .jpeg()
    .toBuffer();
}
