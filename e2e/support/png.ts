import { crc32, deflateSync } from 'node:zlib';

/**
 * A small valid PNG (RGB, 8-bit) with a diagonal gradient — enough for the api's image
 * sniffing and resizing, without shipping a fixture file. `tint` (0, 1, 2) rotates the colour
 * channels, so pictures of one size can still differ.
 */
export function gradientPng(width = 64, height = 64, tint = 0): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    row[0] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const channels = [
        200 - Math.round((y / height) * 120),
        90 + Math.round((x / width) * 100),
        60 + Math.round(((x + y) / (width + height)) * 150),
      ];
      for (let c = 0; c < 3; c++) {
        row[1 + x * 3 + c] = channels[(c + tint) % 3];
      }
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}
