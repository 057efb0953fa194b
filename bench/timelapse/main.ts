import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';

/**
 * `npm run bench -- timelapse`: one process film of 12 stages at the api's 1080 px, rendered by
 * the backend's own renderTimelapse (from backend/dist) from 12 stage previews of 1600 px, as the
 * render job gets them. Prints the CPU seconds (user + system, every libvips thread included)
 * and the film's bytes against the budget: 10 s of CPU and 3 MB per film.
 */

const STAGES = Number(process.env.BENCH_STAGES || 12);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const BUDGET_CPU_S = 10;
const BUDGET_BYTES = 3_000_000;

/**
 * Stage n of a painting that fills in: a sketch's lines first, then more and more shapes and
 * colour, noise on top like brushwork. Photographic enough for the encoder to have work to do.
 */
async function stagePreview(n: number, total: number): Promise<Buffer> {
  const width = 1600;
  const height = 1200;
  const filled = (n + 1) / total;
  const shapes: string[] = [];
  for (let i = 0; i < 80; i++) {
    const x = (i * 197) % width;
    const y = (i * 131) % height;
    const r = 30 + ((i * 53) % 160);
    const visible = i / 80 < filled;
    shapes.push(
      visible
        ? `<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${(i * 29) % 360} ${30 + filled * 50}% ${40 + (i % 30)}%)" opacity="0.75"/>`
        : `<circle cx="${x}" cy="${y}" r="${r}" fill="none" stroke="#555" stroke-width="2"/>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="hsl(40 ${filled * 40}% ${92 - filled * 30}%)"/>${shapes.join('')}</svg>`;
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 18 },
    },
  })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'soft-light' }])
    .webp({ quality: 82 })
    .toBuffer();
}

export async function main(): Promise<void> {
  const dist = resolve(__dirname, '../../backend/dist');
  const { renderTimelapse } = (await import(resolve(dist, 'media/timelapse.js'))) as {
    renderTimelapse(
      images: Buffer[],
    ): Promise<{ film: Buffer; poster: Buffer; width: number; height: number; frames: number }>;
  };
  console.log(`timelapse: ${STAGES} stages of 1600×1200, film at ≤ 1080 px, best of ${RUNS} runs`);
  const previews = await Promise.all(Array.from({ length: STAGES }, (_, n) => stagePreview(n, STAGES)));
  console.log(
    `  sharp concurrency ${sharp.concurrency()} threads, previews ${(previews.reduce((s, b) => s + b.length, 0) / 1e6).toFixed(1)} MB`,
  );

  const results: {
    cpu: number;
    wall: number;
    bytes: number;
    poster: number;
    frames: number;
    size: string;
  }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const film = await renderTimelapse(previews);
    const wall = (performance.now() - started) / 1000;
    const cpuUsed = process.cpuUsage(cpuBefore);
    const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
    results.push({
      cpu,
      wall,
      bytes: film.film.length,
      poster: film.poster.length,
      frames: film.frames,
      size: `${film.width}×${film.height}`,
    });
    console.log(
      `  run ${run + 1}: ${cpu.toFixed(2)} s CPU, ${wall.toFixed(2)} s wall, film ${(film.film.length / 1e6).toFixed(2)} MB (${film.frames} frames, ${film.width}×${film.height}), poster ${(film.poster.length / 1000).toFixed(0)} kB`,
    );
  }
  const best = results.reduce((a, b) => (b.cpu < a.cpu ? b : a));
  console.log(
    `\n  CPU ${best.cpu.toFixed(2)} s vs budget ${BUDGET_CPU_S} s: ${best.cpu <= BUDGET_CPU_S ? 'met' : 'MISSED'}` +
      `\n  film ${(best.bytes / 1e6).toFixed(2)} MB vs budget ${BUDGET_BYTES / 1e6} MB: ${best.bytes <= BUDGET_BYTES ? 'met' : 'MISSED'}`,
  );
}

if (require.main === module) {
  void main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
