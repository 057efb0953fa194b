import { cpus } from 'node:os';
import type { BaselineResult } from './baselines';
import type { RunName } from './config';
import type { GalleryResult } from './gallery-run';
import { mib, type Row } from './report';

/** One measurement turned into a table row; ratios are filled in once the reference is known. */
export function toRow(
  run: RunName,
  description: string,
  images: number,
  repetition: number,
  result: BaselineResult | GalleryResult,
): Row {
  const gallery = 'api' in result ? result : null;
  const services = gallery?.servicesCpuSeconds ?? 0;
  const own = result.cpuSeconds + services + (gallery ? gallery.s3CpuSeconds + gallery.benchCpuSeconds : 0);
  return {
    run,
    repetition,
    description,
    images,
    seconds: result.seconds,
    imagesPerSecond: images / result.seconds,
    ratioVsVipsthumbnail: null,
    cpuBoundRatioVsVipsthumbnail: null,
    ratioVsSharp: null,
    cpuBoundRatioVsSharp: null,
    apiPeakRssMiB: gallery ? mib(gallery.api.peakRssBytes) : null,
    apiRssPeakUploadMiB: gallery ? gallery.apiRss.uploadPeakMiB : null,
    apiRssPeakProcessingMiB: gallery ? gallery.apiRss.processingPeakMiB : null,
    workerPeakRssMiB: gallery
      ? mib(gallery.worker?.peakRssBytes)
      : mib((result as BaselineResult).peakRssBytes),
    cpuSecondsPerImage: result.cpuSeconds / images,
    cpuBoundImagesPerSecond: (cpus().length * images) / (result.cpuSeconds + services),
    apiCpuSecondsPerImage: gallery ? gallery.apiCpuSeconds / images : null,
    workerCpuSecondsPerImage: gallery?.worker ? gallery.workerCpuSeconds / images : null,
    servicesCpuSecondsPerImage: gallery ? services / images : null,
    s3CpuSecondsPerImage: gallery ? gallery.s3CpuSeconds / images : null,
    benchCpuSecondsPerImage: gallery ? gallery.benchCpuSeconds / images : null,
    uploadSeconds: gallery ? gallery.uploadSeconds : null,
    otherLoad: Math.max(0, result.machineCpuSeconds - own) / (cpus().length * result.seconds),
  };
}

/**
 * Each run's best repetition (highest images/s: on a shared machine, the least disturbed one),
 * with the ratios to the best vipsthumbnail repetition (the first goal's reference) and to the
 * best sharp one (the stricter reference).
 */
export function best(rows: Row[]): Row[] {
  const byRun = new Map<string, Row>();
  for (const row of rows) {
    const current = byRun.get(row.run);
    if (!current || row.imagesPerSecond > current.imagesPerSecond) byRun.set(row.run, row);
  }
  const reference = byRun.get('vipsthumbnail') ?? null;
  const sharp = byRun.get('sharp') ?? null;
  return [...byRun.values()].map((row) => ({
    ...row,
    ratioVsSharp: sharp ? row.imagesPerSecond / sharp.imagesPerSecond : null,
    cpuBoundRatioVsSharp: sharp ? row.cpuBoundImagesPerSecond / sharp.cpuBoundImagesPerSecond : null,
    ratioVsVipsthumbnail: reference ? row.imagesPerSecond / reference.imagesPerSecond : null,
    cpuBoundRatioVsVipsthumbnail: reference
      ? row.cpuBoundImagesPerSecond / reference.cpuBoundImagesPerSecond
      : null,
  }));
}
