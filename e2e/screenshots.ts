/**
 * The README's screenshots of the artwork page, with painterly stages: docs/screenshot.png
 * (1440×900, opened on the final, filmstrip in view), docs/artwork-compare.png (compare, swipe)
 * and docs/artwork-phone.png (390×844). docs/explore.png and docs/chat.png are left alone.
 *
 *     npm run build && npx tsx e2e/screenshots.ts
 *
 * Shots are of the viewport, written as palette PNGs by sharp so they stay small.
 */
import assert from 'node:assert/strict';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';

import { REPO_ROOT, type RunningApp, startApp } from './support/app';
import { PHONE, launchBrowser, newContext } from './support/browser';
import { eventually, signUpThroughApi, uniqueUsername } from './support/helpers';
import { type PaintingStage, painting } from './support/paintings';

const DESKTOP = { width: 1440, height: 900 } as const;
const DOCS = path.join(REPO_ROOT, 'docs');

const STAGES: readonly { kind: PaintingStage; title: string; note: string }[] = [
  { kind: 'sketch', title: 'Placing the boats', note: 'Where the boats and the sun sit; the horizon low.' },
  { kind: 'draft', title: 'Big shapes', note: 'Flat colour first, big shapes before any detail.' },
  {
    kind: 'color',
    title: 'Warm sky, cool water',
    note: 'The sky warm, the water cool, the sails in between.',
  },
  {
    kind: 'final',
    title: 'Morning light',
    note: 'Glazed the sky twice and kept the horizon low. The light on the water is dry-brushed last.',
  },
];

const PINS = [
  { x: 0.72, y: 0.33, body: 'The sun: a thin glaze of Naples yellow over the dried sky.' },
  { x: 0.5, y: 0.74, body: 'Broken lights on the water, dry-brushed with a fan brush.' },
];

async function xsrfHeaders(page: Page): Promise<Record<string, string>> {
  await page.request.get('/api/auth/me');
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  assert.ok(token, 'the api sets an XSRF-TOKEN cookie');
  return { 'X-XSRF-TOKEN': decodeURIComponent(token) };
}

async function call(page: Page, method: 'post' | 'patch', url: string, data: object): Promise<unknown> {
  const response = await page.request[method](url, { data, headers: await xsrfHeaders(page) });
  assert.ok(response.ok(), `${url} answered ${response.status()}: ${await response.text()}`);
  return response.json();
}

/** "Harbour at dawn": four painterly stages with kinds, titles, notes, and two pins on the final. */
async function publish(page: Page): Promise<string> {
  const { id } = (await call(page, 'post', '/api/albums', {
    title: 'Harbour at dawn',
    description: 'Lisbon, the boats coming in at first light. Oil on linen, 60 × 45 cm.',
  })) as { id: string };
  let finalId = '';
  for (const stage of STAGES) {
    const uploaded = await page.request.post(`/api/albums/${id}/stages`, {
      multipart: {
        files: { name: `${stage.kind}.png`, mimeType: 'image/png', buffer: await painting(stage.kind) },
      },
      headers: await xsrfHeaders(page),
    });
    assert.equal(uploaded.status(), 201, await uploaded.text());
    const { stages } = (await uploaded.json()) as { stages: { id: string }[] };
    finalId = stages[0].id;
    await call(page, 'patch', `/api/albums/${id}/stages/${finalId}`, {
      kind: stage.kind,
      title: stage.title,
      note: stage.note,
    });
  }
  for (const pin of PINS) {
    await call(page, 'post', `/api/albums/${id}/stages/${finalId}/pins`, pin);
  }
  await eventually(async () => {
    const album = (await (await page.request.get(`/api/albums/${id}`)).json()) as {
      stages: { status: string }[];
    };
    assert.ok(
      album.stages.every((stage) => stage.status === 'ready'),
      'every stage is ready',
    );
  }, 60_000);
  return id;
}

/** Every image on screen has arrived, nothing says it is loading, fonts are in. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await eventually(async () => {
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    const waiting = await page.evaluate(
      () =>
        [...document.querySelectorAll('img, [role="status"], .shimmer, .spinner')]
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
          })
          .filter((el) =>
            el instanceof HTMLImageElement
              ? !el.complete || el.naturalWidth === 0
              : /Loading|Processing|Waiting|prepared/i.test(el.textContent ?? ''),
          ).length,
    );
    assert.equal(waiting, 0, 'images still loading or a spinner on screen');
  }, 20_000);
  await page.evaluate(() => document.fonts.ready);
  // Images fade in.
  await page.waitForTimeout(600);
}

async function shoot(page: Page, name: string): Promise<void> {
  const raw = await page.screenshot({ type: 'png' });
  const file = path.join(DOCS, name);
  const info = await sharp(raw)
    .png({ palette: true, quality: 90, effort: 10, compressionLevel: 9 })
    .toFile(file);
  console.log(
    `${path.relative(REPO_ROOT, file)}  ${info.width}×${info.height}  ${Math.round(info.size / 1024)} KB`,
  );
}

async function main(): Promise<void> {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  try {
    app = await startApp();
    browser = await launchBrowser();

    const painterContext = await newContext(browser, app.baseUrl, { viewport: DESKTOP });
    const painter = await painterContext.newPage();
    await signUpThroughApi(painter, uniqueUsername('clara'), 'Clara Vasquez');
    const id = await publish(painter);
    await painterContext.close();

    // Signed out, as most visitors see it.
    const desktop = await newContext(browser, app.baseUrl, { viewport: DESKTOP });
    const page = await desktop.newPage();
    await page.goto(`/a/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Harbour at dawn' }).waitFor();
    await page.getByRole('listbox', { name: 'Stages' }).waitFor();
    await settled(page);
    await shoot(page, 'screenshot.png');

    await page.goto(`/a/${id}?compare=1,4&mode=swipe`);
    await page.getByRole('slider', { name: 'Divider between before and after' }).waitFor();
    await settled(page);
    await shoot(page, 'artwork-compare.png');
    await desktop.close();

    const phone = await newContext(browser, app.baseUrl, { viewport: PHONE });
    const small = await phone.newPage();
    await small.goto(`/a/${id}`);
    await small.getByRole('heading', { level: 1, name: 'Harbour at dawn' }).waitFor();
    await settled(small);
    await shoot(small, 'artwork-phone.png');
    await phone.close();
  } finally {
    await browser?.close();
    await app?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
