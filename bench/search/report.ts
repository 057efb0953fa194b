import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchBenchConfig } from './config';

export interface ScenarioResult {
  name: string;
  path: string;
  /** What one answer held (artworks/painters or cards). */
  answer: string;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  meetsGoal: boolean;
  bytesPerResponse: number;
  /** CPU per request in ms: the api (or baseline) process, MariaDB, and this load loop. */
  cpuMsPerRequest: { server: number; db: number; client: number };
  /**
   * Cores used by other processes just before and during the scenario (machine minus api,
   * MariaDB and this loop). Above ~0.2 the figures are disturbed by someone else's work.
   */
  othersCores: { before: number; during: number };
}

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '–');

export function printTable(results: ScenarioResult[], goalMs: number): void {
  const head = [
    'scenario',
    'req/s',
    'p50',
    'p95',
    'p99',
    `p95≤${goalMs}`,
    'cpu ms/req api',
    'db',
    'others',
    'answer',
  ];
  const rows = results.map((r) => [
    r.name,
    r.reqPerSec.toFixed(0),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    r.errors ? `ERR ${r.errors}` : r.meetsGoal ? 'yes' : 'NO',
    ms(r.cpuMsPerRequest.server),
    ms(r.cpuMsPerRequest.db),
    r.othersCores.during.toFixed(2),
    r.answer,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    '| ' +
    cells.map((c, i) => (i === 0 || i === 9 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') +
    ' |';
  console.log(line(head));
  console.log(
    '|' +
      widths.map((w, i) => (i === 0 || i === 9 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') +
      '|',
  );
  for (const row of rows) console.log(line(row));
}

export function writeJson(config: SearchBenchConfig, report: object, prefix = 'search'): string {
  mkdirSync(config.resultsDir, { recursive: true });
  const stamp = new Date()
    .toISOString()
    .replace(/[:T]/g, '-')
    .replace(/\..*$/, '')
    .replace(/-(\d\d)-(\d\d)$/, '$1$2');
  const file = join(config.resultsDir, `${prefix}-${stamp}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}
