/**
 * Child process of the "sharp" baseline: `node --import tsx sharp-direct.ts <outDir> <lanes>
 * <files…>`. Prints one JSON line: wall seconds, CPU seconds and peak RSS of this process.
 * A separate process so the measurement excludes the benchmark's own memory and start-up.
 */
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { machineBusySeconds } from './machine';
import { inLanes } from './pool';

async function main(): Promise<void> {
  const [outDir, lanes, ...files] = process.argv.slice(2);
  if (!outDir || !lanes || !files.length) throw new Error('usage: sharp-direct.ts <outDir> <lanes> <files…>');
  // Gallery's configureSharp(): parallelism comes from images in flight, not libvips threads.
  sharp.cache(false);
  sharp.concurrency(1);
  const machineBefore = await machineBusySeconds();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await inLanes(files, Number(lanes), async (file) => {
    const name = basename(file, '.jpg');
    // Like vipsthumbnail: each output decodes the file itself, with JPEG shrink-on-load.
    await sharp(file)
      .resize(1600, 1600, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toFile(join(outDir, `${name}-p.webp`));
    await sharp(file)
      .resize(400, 1200, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toFile(join(outDir, `${name}-t.webp`));
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const result = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    machineCpuSeconds: (await machineBusySeconds()) - machineBefore,
  };
  console.log(JSON.stringify(result));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
