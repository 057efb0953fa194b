import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Browser, Locator, Page } from 'playwright-core';

import { type RunningApp, startApp } from '../support/app';
import { PHONE, launchBrowser, withPage } from '../support/browser';
import {
  eventually,
  fitsWidth,
  signInThroughApi,
  signUpThroughApi,
  uniqueUsername,
} from '../support/helpers';
import { gradientPng } from '../support/png';

/** The painter's first test leaves its artwork here for the visitor and the phone shots. */
interface Published {
  readonly albumId: string;
  readonly painter: string;
}

describe('artworks', () => {
  let app: RunningApp;
  let browser: Browser;
  let published: Published | null = null;
  const target = () => ({ browser, baseUrl: app.baseUrl });
  const artwork = (): Published => {
    assert.ok(published, 'the painter’s test publishes the artwork the others look at');
    return published;
  };

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** Titles of the stages in the editor, top to bottom. */
  async function editorTitles(page: Page): Promise<string[]> {
    return page
      .locator('app-stage-row')
      .getByLabel('Title')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  }

  async function imagesLoaded(images: Locator, count: number): Promise<void> {
    await eventually(async () => {
      assert.equal(await images.count(), count);
      const loaded = await images.evaluateAll((all) =>
        all.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
      );
      assert.ok(loaded, 'every thumbnail has loaded');
    }, 30_000);
  }

  /** CDK drag-drop ignores locator.dragTo(); it needs a press, a small move, then real moves. */
  async function drag(page: Page, handle: Locator, onto: Locator): Promise<void> {
    const from = await handle.boundingBox();
    const to = await onto.boundingBox();
    assert.ok(from && to);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10);
    await page.mouse.move(from.x + from.width / 2, to.y + 12, { steps: 20 });
    await page.mouse.up();
  }

  it(
    'a painter creates an artwork, uploads three stages, drags the last to the top and opens the lightbox',
    withPage(target, async (page) => {
      const painter = uniqueUsername('painter');
      await signUpThroughApi(page, painter, 'Clara Vasquez');

      // Create from the header.
      await page.goto(`/u/${painter}`);
      await page.getByRole('link', { name: 'New artwork' }).click();
      await page.waitForURL('**/new');
      await page.getByLabel('Title').fill('Harbour at dawn');
      await page.getByLabel(/^Description/).fill('Lisbon, the boats coming in.');
      await page.getByRole('button', { name: 'Create and add stages' }).click();
      await page.waitForURL(/\/a\/[^/]+\/edit$/);
      const albumId = new URL(page.url()).pathname.split('/')[2];
      assert.equal(await page.getByLabel('Title', { exact: true }).first().inputValue(), 'Harbour at dawn');

      // Upload three different pictures; each becomes a stage and turns ready.
      await page.locator('app-drop-zone input[type=file]').setInputFiles([
        { name: 'one.png', mimeType: 'image/png', buffer: gradientPng(160, 120, 0) },
        { name: 'two.png', mimeType: 'image/png', buffer: gradientPng(120, 160, 1) },
        { name: 'three.png', mimeType: 'image/png', buffer: gradientPng(140, 140, 2) },
      ]);
      await imagesLoaded(page.locator('app-stage-row app-stage-image img'), 3);
      assert.equal(await page.locator('app-stage-row .processing').count(), 0);

      // Name them, so the order is easy to read; the autosave says when it is done.
      const rows = page.locator('app-stage-row');
      for (const [index, title] of ['First', 'Second', 'Third'].entries()) {
        await rows.nth(index).getByLabel('Title').fill(title);
      }
      await rows.nth(0).getByLabel('Kind').selectOption('sketch');
      await rows.nth(2).getByLabel(/^Note/).fill('Glazed the sky.\nKept the horizon low.');
      for (const index of [0, 1, 2]) {
        await rows.nth(index).getByRole('status').getByText('Saved').waitFor();
      }
      assert.deepEqual(await editorTitles(page), ['First', 'Second', 'Third']);
      // "Saved" also follows the guessed kind's own save; the titles are saved once the api has them.
      await eventually(async () => {
        const stored = (await (await page.request.get(`/api/albums/${albumId}`)).json()) as {
          stages: { title: string }[];
        };
        assert.deepEqual(
          stored.stages.map((s) => s.title),
          ['First', 'Second', 'Third'],
        );
      });

      // Drag the last stage to the top by its handle.
      const saved = page.waitForResponse(
        (response) => response.url().endsWith('/stages/order') && response.request().method() === 'PUT',
      );
      await drag(page, page.getByRole('button', { name: 'Drag stage 3 to reorder' }), rows.nth(0));
      assert.equal((await saved).status(), 200);
      // The rows fold while dragged and render again after the drop: read them once they have.
      await eventually(async () => assert.deepEqual(await editorTitles(page), ['Third', 'First', 'Second']));

      await page.reload();
      await page.locator('app-stage-row').nth(2).waitFor();
      await eventually(async () => assert.deepEqual(await editorTitles(page), ['Third', 'First', 'Second']));

      // The artwork page tells the story in that order.
      await page.getByRole('link', { name: 'View artwork' }).click();
      await page.waitForURL(`**/a/${albumId}`);
      await page.getByRole('heading', { level: 1, name: 'Harbour at dawn' }).waitFor();
      const headings = page.locator('app-timeline h3');
      await eventually(async () =>
        assert.deepEqual(await headings.allInnerTexts(), ['Third', 'First', 'Second']),
      );
      assert.equal(
        await page.locator('app-timeline .note').first().innerText(),
        'Glazed the sky.\nKept the horizon low.',
      );
      await page.getByRole('link', { name: 'Edit' }).waitFor();

      // The lightbox: arrow keys step through, Escape closes and focus goes back.
      const second = page.getByRole('button', { name: 'Enlarge stage 2: First' });
      await second.click();
      const dialog = page.getByRole('dialog');
      const counter = dialog.locator('.count');
      await eventually(async () => assert.equal(await counter.innerText(), '2 / 3'));
      await page.keyboard.press('ArrowRight');
      await eventually(async () => assert.equal(await counter.innerText(), '3 / 3'));
      await page.keyboard.press('ArrowRight');
      await eventually(async () => assert.equal(await counter.innerText(), '3 / 3'));
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await eventually(async () => assert.equal(await counter.innerText(), '1 / 3'));
      assert.match(await dialog.innerText(), /Third/);
      await imagesLoaded(dialog.locator('img'), 1);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await eventually(async () =>
        assert.equal(
          await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
          'Enlarge stage 2: First',
        ),
      );

      published = { albumId, painter };
    }),
  );

  it(
    'another painter sees the timeline without editing controls and is kept out of the editor',
    withPage(target, async (page) => {
      const { albumId } = artwork();
      await signUpThroughApi(page, uniqueUsername('viewer'), 'Berthe Morisot');

      await page.goto(`/a/${albumId}`);
      await page.getByRole('heading', { level: 1, name: 'Harbour at dawn' }).waitFor();
      await page.getByRole('link', { name: 'Clara Vasquez' }).waitFor();
      assert.equal(await page.locator('app-timeline .entry').count(), 3);
      await imagesLoaded(page.locator('app-timeline img').first(), 1);
      assert.equal(await page.getByRole('link', { name: 'Edit' }).count(), 0);
      assert.equal(await page.getByText('Public', { exact: true }).count(), 0);

      await page.goto(`/a/${albumId}/edit`);
      await page.waitForURL(`**/a/${albumId}`);
      await page.getByRole('heading', { level: 1, name: 'Harbour at dawn' }).waitFor();
      assert.equal(await page.locator('app-stage-row').count(), 0);
    }),
  );

  it(
    'phone artwork editor',
    withPage(
      target,
      async (page) => {
        const { albumId, painter } = artwork();
        await signInThroughApi(page, painter);
        await page.goto(`/a/${albumId}/edit`);
        await imagesLoaded(page.locator('app-stage-row app-stage-image img'), 3);
        await page.getByRole('button', { name: 'Move stage 1 down' }).waitFor();
        assert.ok(await fitsWidth(page), 'the editor scrolls sideways at 390 px');
      },
      { viewport: PHONE },
    ),
  );

  it(
    'phone artwork page',
    withPage(
      target,
      async (page) => {
        const { albumId } = artwork();
        await page.goto(`/a/${albumId}`);
        await page.getByRole('heading', { level: 1, name: 'Harbour at dawn' }).waitFor();
        await imagesLoaded(page.locator('app-timeline img').first(), 1);
        assert.ok(await fitsWidth(page), 'the artwork page scrolls sideways at 390 px');
      },
      { viewport: PHONE },
    ),
  );
});
