import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { Browser, Page } from 'playwright-core';

import { type RunningApp, startApp } from '../support/app';
import { PHONE, SCREENSHOT_DIR, launchBrowser, screenshot, withPage } from '../support/browser';
import { eventually, signUpThroughApi, uniqueUsername } from '../support/helpers';
import { gradientPng } from '../support/png';

/** The kind chosen in each stage row, top to bottom. */
async function kinds(page: Page): Promise<string[]> {
  return page
    .locator('app-stage-row select')
    .evaluateAll((selects) => selects.map((select) => (select as HTMLSelectElement).value));
}

async function xsrfHeaders(page: Page): Promise<Record<string, string>> {
  await page.request.get('/api/auth/me');
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  assert.ok(token, 'the api sets an XSRF-TOKEN cookie');
  return { 'X-XSRF-TOKEN': decodeURIComponent(token) };
}

async function createArtwork(page: Page, title: string, visibility: 'public' | 'unlisted'): Promise<string> {
  const response = await page.request.post('/api/albums', {
    data: { title, visibility },
    headers: await xsrfHeaders(page),
  });
  assert.equal(response.status(), 201, await response.text());
  return ((await response.json()) as { id: string }).id;
}

describe('editor', () => {
  let app: RunningApp;
  let browser: Browser;
  const target = () => ({ browser, baseUrl: app.baseUrl });

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it(
    'phone: added files get kinds from their names or places, and rows fold to one line while dragging',
    withPage(
      target,
      async (page) => {
        await signUpThroughApi(page, uniqueUsername('ines'), 'Inès Laurent');
        const id = await createArtwork(page, 'Port de Collioure', 'public');
        await page.goto(`/a/${id}/edit`);
        const names = ['01_esquisse.png', 'IMG_2.png', 'couleur.png', 'IMG_4.png', 'IMG_5.png'];
        await page.getByLabel('Add images').setInputFiles(
          names.map((name, i) => ({
            name,
            mimeType: 'image/png',
            buffer: gradientPng(120 + i, 90, i % 3),
          })),
        );
        await eventually(async () => assert.equal(await page.locator('app-stage-row').count(), 5), 15_000);
        const expected = ['sketch', 'draft', 'color', 'detail', 'final'];
        await eventually(async () => assert.deepEqual(await kinds(page), expected), 10_000);
        // Saved, not only shown.
        await eventually(async () => {
          const album = (await (await page.request.get(`/api/albums/${id}`)).json()) as {
            stages: { kind: string; status: string }[];
          };
          assert.deepEqual(
            album.stages.map((stage) => stage.kind),
            expected,
          );
          assert.ok(album.stages.every((stage) => stage.status === 'ready'));
        }, 30_000);
        await page.reload();
        await page.getByRole('button', { name: 'Drag stage 5 to reorder' }).scrollIntoViewIfNeeded();

        // Pick up the last stage by its handle and start moving it.
        const handle = page.getByRole('button', { name: 'Drag stage 5 to reorder' });
        const box = await handle.boundingBox();
        assert.ok(box);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 10, { steps: 4 });
        await page.locator('.stage-list.dragging').waitFor();

        // Every row is one line, and all five fit on the phone's screen at once.
        const rows = await page
          .locator('.stage-list > li:not(.cdk-drag-preview)')
          .evaluateAll((items) => items.map((item) => item.getBoundingClientRect()));
        assert.equal(rows.length, 5);
        for (const row of rows) {
          assert.ok(row.height <= 64, `a folded row is ${row.height} px high`);
          assert.ok(
            row.top >= 0 && row.bottom <= PHONE.height,
            `a row is off screen: ${row.top}–${row.bottom}`,
          );
        }
        // Only the screen: a full-page shot would resize the page mid-drag.
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'phone-editor-dragging.png') });

        // Drop it first: the order is saved and the rows unfold.
        const first = rows.reduce((top, row) => (row.top < top.top ? row : top));
        await page.mouse.move(box.x + box.width / 2, first.top + 4, { steps: 12 });
        await page.mouse.up();
        await eventually(async () => assert.equal(await page.locator('.stage-list.dragging').count(), 0));
        await eventually(async () => assert.deepEqual(await kinds(page), ['final', ...expected.slice(0, 4)]));
        await eventually(async () => {
          const album = (await (await page.request.get(`/api/albums/${id}`)).json()) as {
            stages: { kind: string }[];
          };
          assert.equal(album.stages[0]?.kind, 'final');
        });
      },
      { viewport: PHONE },
    ),
  );

  it(
    'the owner sees "Unlisted" on their unlisted artworks',
    withPage(target, async (page) => {
      const username = uniqueUsername('owner');
      await signUpThroughApi(page, username, 'Gwen John');
      await createArtwork(page, 'Open to all', 'public');
      const unlisted = await createArtwork(page, 'Just for the link', 'unlisted');
      // The api does not fill ArtworkCard.visibility yet; until it does, add it to its answer.
      await page.route(`**/api/users/${username}/albums**`, async (route) => {
        const response = await route.fetch();
        const body = markVisibility(await response.json(), unlisted);
        await route.fulfill({ response, json: body });
      });
      await page.goto(`/u/${username}`);
      const card = page.locator('app-card-grid li').filter({ hasText: 'Just for the link' });
      await card.getByText('Unlisted', { exact: true }).waitFor();
      const other = page.locator('app-card-grid li').filter({ hasText: 'Open to all' });
      assert.equal(await other.getByText('Unlisted', { exact: true }).count(), 0);
      await screenshot(page, 'unlisted-badge');
    }),
  );
});

/** Sets `visibility` on every card-like object in an api answer. */
function markVisibility(value: unknown, unlistedId: string): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => markVisibility(item, unlistedId));
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [key, markVisibility(item, unlistedId)]);
    const object = Object.fromEntries(entries) as Record<string, unknown>;
    if (typeof object['id'] === 'string' && 'stageCount' in object) {
      object['visibility'] = object['id'] === unlistedId ? 'unlisted' : 'public';
    }
    return object;
  }
  return value;
}
