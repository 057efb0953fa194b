import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { System } from './config';
import type { ClientResult } from './protocol';
import type { ProfileSummary } from './profile-summary';
import type { ServerWindow } from './servers';

/** One run: a system at a socket count. The JSON file holds these rows whole. */
export interface Row {
  system: System;
  sockets: number;
  /** 1-based, with CHAT_BENCH_REPEAT > 1. */
  repetition: number;
  /** Runs made to get this one (the least disturbed of them is kept). */
  attempts: number;
  /** Distinct accounts behind the sockets (Gallery); presence counts users, fan-out counts sockets. */
  users: number | null;
  client: ClientResult;
  lost: number;
  /** Server process CPU over the window, as a share of one core. */
  serverCpuShare: number;
  /**
   * Server CPU per message sent (its whole handling: receive, store, fan-out to every socket).
   * Unlike latency it hardly moves with other people's load, so it is the fairer comparison here.
   */
  serverCpuMsPerMessage: number;
  /** The client process, same unit. */
  clientCpuShare: number;
  /** Share of all cores used by anything but this benchmark meanwhile; above ~0.1 figures suffer. */
  otherLoad: number;
  /** The server's main thread over the window (event-loop delay, GC), from window-probe.cjs. */
  server: ServerWindow | null;
  profile: ProfileSummary | null;
}

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '—');
const ratio = (a: number, b: number | undefined): string =>
  b && Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}×` : '—';

/** A Markdown table (pasteable into the README); column 2, the system, is left-aligned. */
function printMarkdown(header: string[], cells: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]): string =>
    `| ${c.map((v, i) => (i === 1 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 1 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

export function printTable(rows: Row[]): void {
  const repeated = rows.some((r) => r.repetition > 1);
  const header = ['sockets', 'system', 'msgs sent', 'expected', 'received', 'lost', 'p50 ms', 'p99 ms'];
  header.push(
    'p50 vs bare',
    'p99 vs bare',
    'ack p99 ms',
    'server CPU ms/msg',
    'server stall ms',
    'client CPU',
    'other load',
  );
  const cells = rows.map((r) => {
    const bare = rows.find(
      (b) => b.system === 'bare' && b.sockets === r.sockets && b.repetition === r.repetition,
    )?.client.latencyMs;
    const { latencyMs: l } = r.client;
    return [
      String(r.sockets),
      repeated ? `${r.system} #${r.repetition}` : r.system,
      String(r.client.messagesSent),
      String(r.client.deliveriesExpected),
      String(r.client.deliveriesReceived),
      String(r.lost),
      ms(l.p50),
      ms(l.p99),
      r.system === 'bare' ? '1.00×' : ratio(l.p50, bare?.p50),
      r.system === 'bare' ? '1.00×' : ratio(l.p99, bare?.p99),
      ms(r.client.ackMs.p99),
      r.serverCpuMsPerMessage.toFixed(2),
      r.server ? ms(r.server.loopDelayMs.max) : '—',
      `${Math.round(r.clientCpuShare * 100)} %`,
      `${Math.round(r.otherLoad * 100)} %`,
    ];
  });
  printMarkdown(header, cells);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** With CHAT_BENCH_REPEAT > 1: medians per socket count and system, and Gallery's ratios of them. */
export function printMedians(rows: Row[]): void {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.sockets} ${r.system}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const med = (key: string, pick: (r: Row) => number): number =>
    groups.has(key) ? median(groups.get(key)!.map(pick)) : NaN;
  const p50 = (r: Row): number => r.client.latencyMs.p50;
  const p99 = (r: Row): number => r.client.latencyMs.p99;
  const header = ['sockets', 'system', 'runs', 'lost', 'p50 ms', 'p99 ms', 'p50 vs bare', 'p99 vs bare'];
  header.push('server CPU ms/msg');
  const cells = [...groups].map(([key, group]) => {
    const [sockets, system] = key.split(' ') as [string, string];
    const bare = `${sockets} bare`;
    return [
      sockets,
      system,
      String(group.length),
      String(group.reduce((sum, r) => sum + r.lost, 0)),
      ms(med(key, p50)),
      ms(med(key, p99)),
      system === 'bare' ? '1.00×' : ratio(med(key, p50), med(bare, p50)),
      system === 'bare' ? '1.00×' : ratio(med(key, p99), med(bare, p99)),
      med(key, (r) => r.serverCpuMsPerMessage).toFixed(2),
    ];
  });
  printMarkdown(header, cells);
}

/** Writes bench/results/<name>-<date>-<time>.json (gitignored); returns its path. */
export async function writeResults(
  resultsDir: string,
  report: object,
  name = 'chat-fanout',
): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/:/g, '').replace('T', '-').slice(0, 17);
  const file = join(resultsDir, `${name}-${stamp}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
