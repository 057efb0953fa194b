// Writes a brotli (.br) and a gzip (.gz) copy beside every text asset of the built app, once, at
// build time and at maximum compression, so the api serves them without compressing per request
// (backend/src/web/web-delivery.ts picks one by Accept-Encoding). Usage: node precompress.mjs <dir>
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;
const dir = process.argv[2];
if (!dir) throw new Error('usage: precompress.mjs <built app dir>');

let raw = 0;
let br = 0;
for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !TEXT.test(entry.name)) continue;
  const path = join(entry.parentPath ?? entry.path, entry.name);
  const data = await readFile(path);
  // Below ~1 KB the headers cost more than compression saves.
  if (data.length < 1024) continue;
  const brotli = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  await writeFile(`${path}.br`, brotli);
  await writeFile(`${path}.gz`, gzipSync(data, { level: 9 }));
  raw += data.length;
  br += brotli.length;
}
console.log(
  `precompressed ${(raw / 1024).toFixed(0)} kB of text assets to ${(br / 1024).toFixed(0)} kB (brotli)`,
);
