import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

/** The parts of a V8 .cpuprofile this reads. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** The raw .cpuprofile, kept under bench/results (open it in Chrome DevTools → Performance). */
  file?: string;
  /** Sampled main-thread time of the window, ms (idle included). */
  totalMs: number;
  /** What the server's main thread was doing, by the most telling frame on each sampled stack. */
  byPurpose: { purpose: string; ms: number; share: number }[];
  /** Self time by package (or V8 pseudo-frame), the leaf of each sample. */
  bySelfPackage: { name: string; ms: number; share: number }[];
  /** The busiest functions by self time. */
  topSelf: { frame: string; ms: number }[];
}

const PROFILER = '(profiler)';

/**
 * Purposes in priority order: a stack that reaches the Socket.IO broadcast is fan-out even when
 * its leaf is in ws or node:net; one under TypeORM is database work wherever it ends.
 */
const PURPOSES: { purpose: string; test: (frame: string) => boolean }[] = [
  {
    purpose: 'fan-out (room broadcast: encode + write to every socket)',
    test: (f) => /^(broadcast|apply)\b.*socket\.io-adapter\//.test(f),
  },
  {
    purpose: 'database (TypeORM + better-sqlite3 / mysql2)',
    test: (f) => /node_modules\/(typeorm|better-sqlite3|mysql2)\//.test(f),
  },
  {
    purpose: 'validation (class-validator / class-transformer)',
    test: (f) => /node_modules\/class-(validator|transformer)\//.test(f),
  },
  { purpose: 'rate limiter (@nestjs/throttler)', test: (f) => /node_modules\/@nestjs\/throttler\//.test(f) },
  {
    purpose: 'socket.io outside the broadcast (frames in, packets to handlers, write callbacks)',
    test: (f) => /node_modules\/(ws|engine\.io|socket\.io|socket\.io-parser)\//.test(f),
  },
  { purpose: 'Nest + rxjs dispatch', test: (f) => /node_modules\/(@nestjs|rxjs)\//.test(f) },
  { purpose: 'Gallery code', test: (f) => /\/backend\/dist\//.test(f) },
];

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/backend/dist/')) return 'Gallery code';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url.slice(url.lastIndexOf('node_modules/')));
  return match ? match[1]! : basename(url);
}

/** Reads a profile written by window-probe.cjs and boils it down for the report. */
export async function summarizeProfile(file: string): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** `name url:line`, url in full: the purpose rules match on node_modules paths. */
  const frame = (id: number): string => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    return `${functionName || '(anonymous)'}${url ? ` ${url}:${lineNumber + 1}` : ''}`;
  };
  const label = (id: number): string =>
    frame(id)
      .replace(/ \S*node_modules\//, ' ')
      .replace(/ \S*\/backend\/dist\//, ' ');

  const purpose = new Map<string, number>();
  const packages = new Map<string, number>();
  const self = new Map<string, number>();
  const purposeCache = new Map<number, string>();
  const purposeOf = (leaf: number): string => {
    const cached = purposeCache.get(leaf);
    if (cached) return cached;
    const frames: string[] = [];
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) frames.push(frame(id));
    const leafName = byId.get(leaf)!.callFrame.functionName;
    // Profiler.start's own call lands in the first sample; it is no work of the api's.
    if (frames.some((f) => f.includes('window-probe.cjs'))) return PROFILER;
    const found = leafName.startsWith('(')
      ? leafName
      : (PURPOSES.find((p) => frames.some(p.test))?.purpose ?? 'other (node internals, express, …)');
    purposeCache.set(leaf, found);
    return found;
  };

  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    if (purposeOf(id) === PROFILER) return;
    const us = profile.timeDeltas[i] ?? 0;
    totalUs += us;
    const node = byId.get(id)!;
    const add = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + us);
    add(purpose, purposeOf(id));
    add(packages, packageOf(node.callFrame.url, node.callFrame.functionName));
    add(self, label(id));
  });
  const busyUs = totalUs - (purpose.get('(idle)') ?? 0);
  const ranked = (map: Map<string, number>) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).map(([key, us]) => ({ key, ms: us / 1000 }));
  return {
    totalMs: totalUs / 1000,
    byPurpose: ranked(purpose).map(({ key, ms }) => ({ purpose: key, ms, share: (ms * 1000) / busyUs })),
    bySelfPackage: ranked(packages)
      .slice(0, 12)
      .map(({ key, ms }) => ({ name: key, ms, share: (ms * 1000) / busyUs })),
    topSelf: ranked(self)
      .slice(0, 15)
      .map(({ key, ms }) => ({ frame: key, ms })),
  };
}

/** Prints the summary under its run; shares are of the busy (non-idle) time. */
export function printProfile(summary: ProfileSummary): void {
  const pct = (share: number): string => `${(share * 100).toFixed(1).padStart(5)} %`;
  console.log(
    `    server main thread, ${(summary.totalMs / 1000).toFixed(1)} s sampled; busy time by purpose:`,
  );
  for (const p of summary.byPurpose)
    if (p.purpose !== '(idle)')
      console.log(`      ${pct(p.share)}  ${p.ms.toFixed(0).padStart(6)} ms  ${p.purpose}`);
  console.log('    self time by package:');
  for (const p of summary.bySelfPackage.filter((x) => x.name !== '(idle)').slice(0, 8))
    console.log(`      ${pct(p.share)}  ${p.name}`);
}
