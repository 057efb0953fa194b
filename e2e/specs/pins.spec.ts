import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Browser, Locator, Page } from 'playwright-core';

import { type RunningApp, startApp } from '../support/app';
import { axeViolations, describeViolations } from '../support/axe';
import { launchBrowser, newContext, screenshot } from '../support/browser';
import { eventually, signUpThroughApi, uniqueUsername } from '../support/helpers';
import { type PaintingStage, painting } from '../support/paintings';

const WIDE = { width: 1440, height: 900 } as const;

interface ApiPin {
  id: string;
  x: number;
  y: number;
  body: string;
}

async function xsrfHeaders(page: Page): Promise<Record<string, string>> {
  await page.request.get('/api/auth/me');
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  assert.ok(token, 'the api sets an XSRF-TOKEN cookie');
  return { 'X-XSRF-TOKEN': decodeURIComponent(token) };
}

/** An artwork with a sketch and a final, processed, as the page's painter. */
async function publish(page: Page): Promise<string> {
  const created = await page.request.post('/api/albums', {
    data: { title: 'Harbour at dawn' },
    headers: await xsrfHeaders(page),
  });
  assert.equal(created.status(), 201, await created.text());
  const { id } = (await created.json()) as { id: string };
  for (const kind of ['sketch', 'final'] satisfies PaintingStage[]) {
    const uploaded = await page.request.post(`/api/albums/${id}/stages`, {
      multipart: { files: { name: `${kind}.png`, mimeType: 'image/png', buffer: await painting(kind) } },
      headers: await xsrfHeaders(page),
    });
    assert.equal(uploaded.status(), 201, await uploaded.text());
  }
  await eventually(async () => {
    const album = (await (await page.request.get(`/api/albums/${id}`)).json()) as {
      stages: { status: string }[];
    };
    assert.deepEqual(
      album.stages.map((stage) => stage.status),
      ['ready', 'ready'],
    );
  }, 30_000);
  return id;
}

async function pinsOnServer(page: Page, albumId: string, stage: number): Promise<ApiPin[]> {
  const album = (await (await page.request.get(`/api/albums/${albumId}`)).json()) as {
    stages: { pins: ApiPin[] }[];
  };
  return album.stages[stage].pins;
}

async function loaded(image: Locator): Promise<void> {
  await eventually(async () => {
    const done = await image.evaluate(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
    );
    assert.ok(done, 'the picture has loaded');
  }, 15_000);
}

function near(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 0.015, `${what}: ${actual} is not about ${expected}`);
}

describe('pinned notes', () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('the painter pins a note in the editor; a signed-out viewer sees the numbered marker and the note', async (t) => {
    const painterContext = await newContext(browser, app.baseUrl, { viewport: WIDE });
    const viewerContext = await newContext(browser, app.baseUrl, { viewport: WIDE });
    const page = await painterContext.newPage();
    const viewer = await viewerContext.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    viewer.on('pageerror', (error) => problems.push(error.message));
    try {
      await signUpThroughApi(page, uniqueUsername('clara'), 'Clara Vasquez');
      const albumId = await publish(page);

      // Open the final's picture for pinning.
      await page.goto(`/a/${albumId}/edit`);
      const row = page.locator('app-stage-row').nth(1);
      const toggle = row.getByRole('button', { name: 'Pin notes' });
      await toggle.click();
      await eventually(async () => assert.equal(await toggle.getAttribute('aria-expanded'), 'true'));
      const editor = row.locator('app-pin-editor');
      await loaded(editor.locator('app-stage-image img'));

      // Click on the sun: the new pin goes there, with a note.
      const canvas = editor.locator('.canvas');
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      assert.ok(box);
      await canvas.click({ position: { x: box.width * 0.3, y: box.height * 0.4 } });
      const note = editor.getByLabel('Note for pin 1');
      await note.waitFor();
      assert.ok(
        await note.evaluate((el) => el === document.activeElement),
        'the note field has the keyboard',
      );
      await note.fill('The boats: warm shadows, cool lights.');
      await editor.getByRole('button', { name: 'Pin note' }).click();
      const marker = editor.getByRole('button', { name: 'Pin 1: The boats: warm shadows, cool lights.' });
      await marker.waitFor();
      await editor.getByRole('button', { name: 'Edit pin 1' }).waitFor();
      const [saved] = await pinsOnServer(page, albumId, 1);
      near(saved.x, 0.3, 'x');
      near(saved.y, 0.4, 'y');

      // The arrow keys move it (one request after the last press); the list edits its note.
      await marker.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Shift+ArrowDown');
      await eventually(async () => {
        const [moved] = await pinsOnServer(page, albumId, 1);
        near(moved.x, saved.x + 0.02, 'x after two nudges');
        near(moved.y, saved.y + 0.05, 'y after a big nudge');
      });
      await editor.getByRole('button', { name: 'Edit pin 1' }).click();
      await editor.getByLabel('Note for pin 1').fill('The boats: warm shadows, cool lights — glazed twice.');
      await editor.getByRole('button', { name: 'Save' }).click();
      await eventually(async () =>
        assert.equal(
          (await pinsOnServer(page, albumId, 1))[0].body,
          'The boats: warm shadows, cool lights — glazed twice.',
        ),
      );

      // A second pin from the keyboard, then deleted from the list.
      await editor.getByRole('button', { name: 'Add a pin in the middle' }).click();
      await editor.getByLabel('Note for pin 2').fill('Too much here.');
      await editor.getByRole('button', { name: 'Pin note' }).click();
      await editor.getByRole('button', { name: 'Delete pin 2' }).click();
      await eventually(async () => assert.equal((await pinsOnServer(page, albumId, 1)).length, 1));
      assert.equal(await editor.locator('.marker').count(), 1);

      // Open, with a pin and its list, the editor stays clean for axe.
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe found:\n${describeViolations(violations)}`);
      await screenshot(page, 'pins-1-editor');

      // Anyone opening the artwork sees the numbered marker on the final and the note beside it.
      await viewer.goto(`/a/${albumId}`);
      await loaded(viewer.locator('app-hero app-stage-image img'));
      const pin = viewer.locator('app-hero .pin');
      await eventually(async () => assert.equal((await pin.innerText()).trim(), '1'));
      const frame = await viewer.locator('app-hero .frame').boundingBox();
      const spot = await pin.boundingBox();
      assert.ok(frame && spot);
      near((spot.x + spot.width / 2 - frame.x) / frame.width, saved.x + 0.02, 'marker across');
      near((spot.y + spot.height / 2 - frame.y) / frame.height, saved.y + 0.05, 'marker down');
      const notes = viewer.getByRole('list', { name: 'Notes on the picture' });
      assert.deepEqual(await notes.getByRole('listitem').allInnerTexts(), [
        'The boats: warm shadows, cool lights — glazed twice.',
      ]);
      await screenshot(viewer, 'pins-2-artwork-page');
      if (problems.length > 0) {
        throw new Error(`the page threw: ${problems.join('; ')}`);
      }
    } finally {
      await screenshot(page, t.name).catch(() => undefined);
      await painterContext.close();
      await viewerContext.close();
    }
  });
});
