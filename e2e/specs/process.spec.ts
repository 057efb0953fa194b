import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';

import { type RunningApp, startApp } from '../support/app';
import { launchBrowser, withPage } from '../support/browser';
import { eventually, signUpThroughApi, uniqueUsername } from '../support/helpers';
import { painting } from '../support/paintings';

/** Proof of process (issue #16) in the browser: the film, lookup by image, deep zoom. */

async function xsrf(page: Page): Promise<string> {
  await page.request.get('/api/auth/me');
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  assert.ok(token, 'the api sets an XSRF-TOKEN cookie');
  return decodeURIComponent(token);
}

interface StageState {
  status: string;
  image: { tiles: { url: string; width: number; height: number } | null } | null;
}

/** A public artwork with these images as stages, uploaded through the api and processed. */
async function publish(page: Page, title: string, files: readonly Buffer[]): Promise<string> {
  const headers = { 'X-XSRF-TOKEN': await xsrf(page) };
  const created = await page.request.post('/api/albums', {
    data: { title, visibility: 'public' },
    headers,
  });
  assert.equal(created.status(), 201, await created.text());
  const { id } = (await created.json()) as { id: string };
  for (const [i, buffer] of files.entries()) {
    const uploaded = await page.request.post(`/api/albums/${id}/stages`, {
      multipart: { files: { name: `stage-${i + 1}.png`, mimeType: 'image/png', buffer } },
      headers,
    });
    assert.equal(uploaded.status(), 201, await uploaded.text());
  }
  await eventually(async () => {
    const album = (await (await page.request.get(`/api/albums/${id}`)).json()) as { stages: StageState[] };
    assert.deepEqual(
      album.stages.map((stage) => stage.status),
      files.map(() => 'ready'),
    );
  }, 60_000);
  return id;
}

/** A 3000×2000 picture with detail at every scale, so its pyramid has tiles all the way down. */
async function largePicture(): Promise<Buffer> {
  const width = 3000;
  const height = 2000;
  const stripes = Array.from(
    { length: 60 },
    (_, i) =>
      `<rect x="${i * 50}" y="0" width="25" height="${height}" fill="hsl(${(i * 37) % 360} 60% 55%)"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#f3d9a4"/>${stripes}
    <circle cx="1500" cy="1000" r="700" fill="#2a4d69" opacity="0.6"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('Proof of process', () => {
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
    'plays the process film of a three-stage artwork once it is rendered',
    withPage(target, async (page) => {
      await signUpThroughApi(page, uniqueUsername('film'), 'Film Maker');
      const id = await publish(page, 'Harbour in three', [
        await painting('sketch'),
        await painting('draft'),
        await painting('color'),
      ]);

      await page.goto(`/a/${id}`);
      // The film follows the stages by a moment: the button appears when it is ready.
      const play = page.getByRole('button', { name: 'Play the process' });
      await play.waitFor({ state: 'visible', timeout: 60_000 });
      await play.click();

      const dialog = page.getByRole('dialog', { name: 'The process of Harbour in three' });
      await dialog.waitFor();
      const film = dialog.locator('img.film');
      await eventually(async () => {
        const loaded = await film.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
        assert.ok(loaded, 'the film has loaded');
      }, 15_000);
      assert.match((await film.getAttribute('src')) ?? '', /\.webp$/);
      assert.match(
        (await dialog.getByRole('link', { name: /Download/ }).getAttribute('download')) ?? '',
        /^harbour-in-three-process\.webp$/,
      );
      await page.screenshot({ path: `${__dirname}/../screenshots/process-film-dialog.png` });

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      // The provenance record, folded under the story.
      await page.getByText('Proof of process').click();
      const stages = page.locator('app-provenance-panel .stages li');
      await eventually(async () => assert.equal(await stages.count(), 3), 10_000);
      await page.locator('app-provenance-panel').scrollIntoViewIfNeeded();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download record' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), `provenance-${id}.json`);
    }),
  );

  it(
    'finds where an uploaded image comes from, and says so when nothing matches',
    withPage(target, async (page) => {
      await signUpThroughApi(page, uniqueUsername('look'), 'Look Up');
      const final = await painting('final');
      const id = await publish(page, 'Harbour to be found', [await painting('sketch'), final]);
      // Fingerprints are taken by a job right after the stage is ready.
      await eventually(async () => {
        const found = await page.request.post('/api/lookup', {
          multipart: { file: { name: 'probe.png', mimeType: 'image/png', buffer: final } },
          headers: { 'X-XSRF-TOKEN': await xsrf(page) },
        });
        const { matches } = (await found.json()) as { matches: { album: { id: string } }[] };
        assert.ok(matches.some((match) => match.album.id === id));
      }, 30_000);

      await page.context().clearCookies();
      await page.goto('/');
      await page.getByRole('link', { name: /Find where it’s from/ }).click();
      await page.waitForURL('**/lookup');
      await page.getByLabel(/Drop an image here/).setInputFiles({
        name: 'found-online.png',
        mimeType: 'image/png',
        buffer: final,
      });
      const match = page.locator('.match').filter({ hasText: 'Harbour to be found' }).first();
      await match.waitFor({ timeout: 15_000 });
      const text = (await match.textContent()) ?? '';
      assert.match(text, /Look Up/);
      assert.match(text, /Stage 2 of 2 · /);
      assert.match(text, /Exact match · first shown/);
      await page.screenshot({ path: `${__dirname}/../screenshots/lookup-match.png`, fullPage: true });

      const blank = await sharp({
        create: { width: 300, height: 200, channels: 3, background: { r: 10, g: 200, b: 30 } },
      })
        .png()
        .toBuffer();
      await page.getByLabel(/Drop an image here/).setInputFiles({
        name: 'green.png',
        mimeType: 'image/png',
        buffer: blank,
      });
      await page.getByRole('heading', { name: 'No match' }).waitFor();
    }),
  );

  it(
    'opens a large stage in the deep-zoom viewer and reaches its full resolution',
    withPage(target, async (page) => {
      await signUpThroughApi(page, uniqueUsername('zoom'), 'Deep Zoomer');
      const id = await publish(page, 'Stripes at full size', [await largePicture()]);
      let dzi = '';
      await eventually(async () => {
        const album = (await (await page.request.get(`/api/albums/${id}`)).json()) as {
          stages: StageState[];
        };
        const tiles = album.stages[0].image?.tiles;
        assert.ok(tiles, 'the pyramid is made');
        dzi = tiles.url;
      }, 60_000);
      // 3000 px wide: levels 0..12, 12 being full size.
      const maxLevel = Math.ceil(Math.log2(3000));
      const deepest = `_files/${maxLevel}/`;
      const requested: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('_files/')) {
          requested.push(request.url());
        }
      });

      await page.goto(`/a/${id}`);
      await page.locator('app-hero button.frame').click();
      const viewer = page.locator('app-deep-zoom .openseadragon-canvas');
      await viewer.waitFor({ timeout: 15_000 });
      await eventually(() => assert.ok(requested.length > 0, 'tiles are requested'), 10_000);
      assert.ok(
        requested.every((url) => url.startsWith(new URL(dzi.replace(/\.dzi$/, '_files/'), app.baseUrl).href)),
      );
      assert.ok(!requested.some((url) => url.includes(deepest)), 'full-size tiles wait for a zoom');

      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('+');
        await page.waitForTimeout(300);
      }
      await eventually(
        () =>
          assert.ok(
            requested.some((url) => url.includes(deepest)),
            `a ${deepest} tile is requested`,
          ),
        10_000,
      );
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${__dirname}/../screenshots/deep-zoom-full-size.png` });

      // The lightbox's keys still work over the viewer.
      await page.keyboard.press('Escape');
      await page.locator('app-lightbox').waitFor({ state: 'detached' });
    }),
  );
});
