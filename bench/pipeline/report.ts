import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One line of the results table; the JSON file holds the same rows. */
export interface Row {
  run: string;
  /** 1-based; each run is repeated BENCH_REPEAT times, round-robin with the others. */
  repetition: number;
  description: string;
  images: number;
  seconds: number;
  imagesPerSecond: number;
  /** images/s relative to vipsthumbnail on the same files and cores; the issue's goal is ≥ 0.8. */
  ratioVsVipsthumbnail: number | null;
  /** cpuBoundImagesPerSecond relative to vipsthumbnail's. */
  cpuBoundRatioVsVipsthumbnail: number | null;
  /** images/s and CPU-bound img/s relative to the `sharp` run (same libvips, no application). */
  ratioVsSharp: number | null;
  cpuBoundRatioVsSharp: number | null;
  apiPeakRssMiB: number | null;
  /** Gallery only: the api's RSS peak (100 ms samples) while uploading, and while processing after. */
  apiRssPeakUploadMiB: number | null;
  apiRssPeakProcessingMiB: number | null;
  /** For the sharp baseline: its one process. */
  workerPeakRssMiB: number | null;
  /** CPU seconds per image of every process involved (api + worker for Gallery). */
  cpuSecondsPerImage: number;
  /**
   * cores ÷ CPU-s per image (api + worker + Redis; not the client, s3rver or the shared MariaDB
   * server, which live elsewhere in a deployment): the rate if nothing but CPU limited it. Robust to load from
   * other processes, unlike images/s, so it is the figure to compare on a shared machine.
   */
  cpuBoundImagesPerSecond: number;
  /** Gallery only: the api's and the worker's parts of cpuSecondsPerImage. */
  apiCpuSecondsPerImage: number | null;
  workerCpuSecondsPerImage: number | null;
  /** Production only: CPU-s per image of the private Redis. */
  servicesCpuSecondsPerImage: number | null;
  /** Production only: CPU-s per image of s3rver (a stand-in for a remote S3, so not counted above). */
  s3CpuSecondsPerImage: number | null;
  /** Gallery only: CPU-s per image of the benchmark process, i.e. the uploading client (a browser, elsewhere). */
  benchCpuSecondsPerImage: number | null;
  /** Gallery only: first byte → last upload answered. */
  uploadSeconds: number | null;
  /**
   * Share of the machine's CPU capacity used during the run by anything but the run (other
   * people's builds and tests). Above ~0.1 the figures are low.
   */
  otherLoad: number;
}

export const mib = (bytes: number | null | undefined): number | null =>
  bytes === null || bytes === undefined || Number.isNaN(bytes) ? null : Math.round(bytes / 2 ** 20);

export function printTable(rows: Row[]): void {
  const ratio = (value: number | null): string => (value === null ? '—' : `${value.toFixed(2)}×`);
  const rss = (value: number | null): string => (value === null ? '—' : `${value} MiB`);
  const header = [
    'run',
    'images/s',
    'vs vipsthumbnail',
    'vs sharp (CPU-bound)',
    'api peak RSS (upload / processing)',
    'worker peak RSS',
    'CPU-s/img',
    'CPU-bound img/s',
    'other load',
  ];
  const cells = rows.map((r) => [
    r.run,
    r.imagesPerSecond.toFixed(2),
    ratio(r.ratioVsVipsthumbnail),
    `${ratio(r.ratioVsSharp)} (${ratio(r.cpuBoundRatioVsSharp)})`,
    r.apiPeakRssMiB === null
      ? '—'
      : `${rss(r.apiPeakRssMiB)} (${r.apiRssPeakUploadMiB} / ${r.apiRssPeakProcessingMiB})`,
    rss(r.workerPeakRssMiB),
    (r.cpuSecondsPerImage + (r.servicesCpuSecondsPerImage ?? 0)).toFixed(3),
    `${r.cpuBoundImagesPerSecond.toFixed(2)} (${ratio(r.cpuBoundRatioVsVipsthumbnail)})`,
    `${Math.round(r.otherLoad * 100)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]): string =>
    `| ${c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

/** Writes bench/results/<name>-<date>-<time>.json (gitignored); returns its path. */
export async function writeResults(resultsDir: string, name: string, report: object): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/:/g, '').replace('T', '-').slice(0, 17);
  const file = join(resultsDir, `${name}-${stamp}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
