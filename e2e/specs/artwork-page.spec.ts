import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { Browser, Locator, Page } from 'playwright-core';

import { type RunningApp, startApp } from '../support/app';
import { PHONE, SCREENSHOT_DIR, launchBrowser, newContext, screenshot, withPage } from '../support/browser';
import { eventually, fitsWidth, signUpThroughApi, uniqueUsername } from '../support/helpers';
import { type PaintingStage, painting } from '../support/paintings';

/** The artwork page of issue #11 at 1440×900, where the work should fill the screen. */
const WIDE = { width: 1440, height: 900 } as const;
const STAGES: readonly PaintingStage[] = ['sketch', 'draft', 'color', 'final'];

async function xsrf(page: Page): Promise<string> {
  await page.request.get('/api/auth/me');
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  assert.ok(token, 'the api sets an XSRF-TOKEN cookie');
  return decodeURIComponent(token);
}

/** Four stages of one painting, each with its kind, uploaded and processed through the api. */
async function publishPainting(page: Page): Promise<string> {
  const headers = { 'X-XSRF-TOKEN': await xsrf(page) };
  const created = await page.request.post('/api/albums', {
    data: { title: 'Harbour at dawn', description: 'Lisbon, the boats coming in.' },
    headers,
  });
  assert.equal(created.status(), 201, await created.text());
  const { id } = (await created.json()) as { id: string };
  for (const kind of STAGES) {
    const uploaded = await page.request.post(`/api/albums/${id}/stages`, {
      multipart: { files: { name: `${kind}.png`, mimeType: 'image/png', buffer: await painting(kind) } },
      headers,
    });
    assert.equal(uploaded.status(), 201, await uploaded.text());
    const { stages } = (await uploaded.json()) as { stages: { id: string }[] };
    const patched = await page.request.patch(`/api/albums/${id}/stages/${stages[0].id}`, {
      data: { kind, note: `The ${kind}: ${NOTES[kind]}` },
      headers,
    });
    assert.equal(patched.status(), 200, await patched.text());
  }
  await eventually(async () => {
    const album = (await (await page.request.get(`/api/albums/${id}`)).json()) as {
      stages: { status: string }[];
    };
    assert.deepEqual(
      album.stages.map((stage) => stage.status),
      ['ready', 'ready', 'ready', 'ready'],
    );
  }, 30_000);
  return id;
}

const NOTES: Readonly<Record<PaintingStage, string>> = {
  sketch: 'where the boats and the sun sit.',
  draft: 'flat colour, big shapes first.',
  color: 'warm sky, cool water.',
  final: 'glazed the sky, kept the horizon low.',
};

async function loaded(image: Locator): Promise<void> {
  await eventually(async () => {
    const done = await image.evaluate(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
    );
    assert.ok(done, 'the picture has loaded');
  }, 15_000);
}

function query(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

describe('artwork page', () => {
  let app: RunningApp;
  let browser: Browser;
  let albumId = '';
  const target = () => ({ browser, baseUrl: app.baseUrl });

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const context = await newContext(browser, app.baseUrl);
    const page = await context.newPage();
    await signUpThroughApi(page, uniqueUsername('painter'), 'Clara Vasquez');
    albumId = await publishPainting(page);
    await context.close();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it(
    'opens on the final at 1440, scrubs by keyboard, compares 1 and 4 by swiping, and checks values in grey',
    withPage(
      target,
      async (page) => {
        await page.goto(`/a/${albumId}`);
        await page.getByRole('heading', { level: 1, name: 'Harbour at dawn' }).waitFor();

        // The work first: the final, large, with the actions beside it.
        const strip = page.getByRole('listbox', { name: 'Stages' });
        const selected = strip.getByRole('option', { selected: true });
        assert.match((await selected.getAttribute('aria-label')) ?? '', /^Stage 4, Final, \d+ \w+$/);
        const hero = page.locator('app-hero app-stage-image img');
        await loaded(hero);
        const box = await page.locator('app-hero .frame').boundingBox();
        assert.ok(box && box.width > 700 && box.height > 500, `the hero is large: ${JSON.stringify(box)}`);
        await page.getByRole('button', { name: /^Like/ }).waitFor();
        await page.getByRole('button', { name: 'Share' }).waitFor();
        await page.getByRole('button', { name: 'Follow' }).waitFor();
        assert.match(await page.locator('app-stage-notes').innerText(), /glazed the sky/);
        await screenshot(page, 'artwork-page-1-desktop-final');

        // The actions stay in reach further down.
        await page.mouse.wheel(0, 1600);
        await eventually(async () => {
          assert.ok((await page.evaluate(() => window.scrollY)) > 1000, 'the page scrolled');
          const share = await page.getByRole('button', { name: 'Share' }).boundingBox();
          assert.ok(share && share.y > 0 && share.y + share.height < WIDE.height, 'Share is on screen');
        });

        // Scrub to stage 2 with the keyboard; the address keeps it.
        await page.evaluate(() => window.scrollTo(0, 0));
        await selected.focus();
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowLeft');
        await eventually(() => assert.equal(query(page).get('stage'), '2'));
        assert.match(
          (await strip.getByRole('option', { selected: true }).getAttribute('aria-label')) ?? '',
          /^Stage 2, Draft, \d+ \w+$/,
        );
        await eventually(async () =>
          assert.match(await page.locator('app-stage-notes').innerText(), /flat colour/),
        );
        assert.match(
          (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '',
          /^Stage 2, Draft, \d+ \w+$/,
        );
        await loaded(hero);
        await screenshot(page, 'artwork-page-2-desktop-stage-2');

        // A link opens on that stage.
        await page.reload();
        await eventually(async () =>
          assert.match(
            (await page.getByRole('option', { selected: true }).getAttribute('aria-label')) ?? '',
            /^Stage 2, Draft, \d+ \w+$/,
          ),
        );

        // Compare: first against the stage on screen, then pick 4 for "after" from the filmstrip.
        await page.getByRole('button', { name: 'Compare' }).click();
        await eventually(() => assert.equal(query(page).get('compare'), '1,2'));
        const picker = page.getByRole('listbox', { name: 'Pick the after stage' });
        await picker.getByRole('option', { name: 'Stage 4, Final' }).click();
        await eventually(() => {
          assert.equal(query(page).get('compare'), '1,4');
          assert.equal(query(page).get('mode'), 'swipe');
        });
        const divider = page.getByRole('slider', { name: 'Divider between before and after' });
        assert.equal(await divider.getAttribute('aria-valuenow'), '50');
        const images = page.locator('app-compare-view img');
        await loaded(images.first());
        await loaded(images.nth(1));

        // Drag the divider a quarter of the way in, then nudge it by keyboard.
        const area = await page.locator('app-compare-view .swipe').boundingBox();
        assert.ok(area);
        const y = area.y + area.height / 2;
        await page.mouse.move(area.x + area.width / 2, y);
        await page.mouse.down();
        await page.mouse.move(area.x + area.width * 0.35, y, { steps: 8 });
        await page.mouse.move(area.x + area.width * 0.25, y, { steps: 8 });
        await page.mouse.up();
        await eventually(async () => assert.equal(await divider.getAttribute('aria-valuenow'), '25'));
        await divider.focus();
        await page.keyboard.press('ArrowRight');
        await eventually(async () => assert.equal(await divider.getAttribute('aria-valuenow'), '27'));
        await screenshot(page, 'artwork-page-3-desktop-compare-swipe');

        // Greyscale, by its button and by its key.
        const grey = page.getByRole('button', { name: /^Greyscale/ });
        await grey.click();
        await eventually(async () => assert.equal(await grey.getAttribute('aria-pressed'), 'true'));
        await eventually(async () =>
          assert.match(await images.first().evaluate((img) => getComputedStyle(img).filter), /grayscale/),
        );
        await screenshot(page, 'artwork-page-4-desktop-compare-greyscale');
        await page.locator('body').press('g');
        await eventually(async () => assert.equal(await grey.getAttribute('aria-pressed'), 'false'));

        // The address carries the comparison: a link opens on it.
        await page.goto(`/a/${albumId}?compare=1,4&mode=side`);
        await page.locator('app-compare-view .pair img').nth(1).waitFor();
        await loaded(page.locator('app-compare-view .pair img').nth(1));
      },
      { viewport: WIDE },
    ),
  );

  it(
    'after the story, more by the painter and a share link that is copied',
    withPage(
      target,
      async (page) => {
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
        await page.goto(`/a/${albumId}?stage=3`);
        await page.getByRole('heading', { name: 'The story' }).waitFor();
        await page.getByRole('button', { name: 'Share' }).click();
        await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
        // The lists after the story load when they come into view.
        await page.locator('.more-placeholder, app-more-works').first().scrollIntoViewIfNeeded();
        await page.getByRole('heading', { name: 'More by Clara Vasquez' }).scrollIntoViewIfNeeded();
        await page.getByText('This is Clara Vasquez’s only artwork so far.').waitFor();
        await page.locator('app-more-works .painter-card').getByRole('button', { name: 'Follow' }).waitFor();
        await screenshot(page, 'artwork-page-5-desktop-more');
      },
      { viewport: WIDE },
    ),
  );

  it(
    'on a phone: the final fits, a swipe moves to the stage before, and the actions sit in a bottom bar',
    withPage(
      target,
      async (page) => {
        await page.goto(`/a/${albumId}`);
        await page.getByRole('heading', { level: 1, name: 'Harbour at dawn' }).waitFor();
        const hero = page.locator('app-hero app-stage-image img');
        await loaded(hero);
        assert.ok(await fitsWidth(page), 'the artwork page scrolls sideways at 390 px');
        const bar = await page.getByRole('group', { name: 'Artwork actions' }).boundingBox();
        assert.ok(bar && bar.y + bar.height <= PHONE.height + 1 && bar.y > PHONE.height - 90, 'a bottom bar');
        await page.screenshot({ path: viewportShot('artwork-page-6-phone-final') });

        // Swipe right on the picture: the stage before.
        const frame = await page.locator('app-hero .area').boundingBox();
        assert.ok(frame);
        const y = frame.y + frame.height / 2;
        await page.mouse.move(frame.x + frame.width * 0.3, y);
        await page.mouse.down();
        await page.mouse.move(frame.x + frame.width * 0.8, y, { steps: 6 });
        await page.mouse.up();
        await eventually(() => assert.equal(query(page).get('stage'), '3'));

        await page.getByRole('button', { name: 'Compare' }).click();
        const divider = page.getByRole('slider', { name: 'Divider between before and after' });
        await divider.waitFor();
        await loaded(page.locator('app-compare-view img').nth(1));
        assert.ok(await fitsWidth(page), 'the comparison scrolls sideways at 390 px');
        await page.screenshot({ path: viewportShot('artwork-page-7-phone-compare') });
      },
      { viewport: PHONE },
    ),
  );

  it('at 360 px with a finger: a swipe on the picture moves the stage, and the divider follows a drag', async (t) => {
    const context = await browser.newContext({
      baseURL: app.baseUrl,
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      const cdp = await context.newCDPSession(page);
      /** A one-finger drag through real touch events, as a phone sends them. */
      const swipe = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
        for (let step = 1; step <= 8; step++) {
          const x = from.x + ((to.x - from.x) * step) / 8;
          const y = from.y + ((to.y - from.y) * step) / 8;
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
        }
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      };

      await page.goto(`/a/${albumId}`);
      // The page arrives rendered by the server; a swipe needs the app, which has taken over once
      // <html data-app="ready"> (gestures before that are not replayed, unlike clicks).
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
      await loaded(page.locator('app-hero app-stage-image img'));
      assert.ok(await fitsWidth(page), 'the artwork page scrolls sideways at 360 px');
      const area = await page.locator('app-hero .area').boundingBox();
      assert.ok(area);
      const y = area.y + area.height / 2;
      await swipe({ x: area.x + area.width * 0.2, y }, { x: area.x + area.width * 0.85, y });
      await eventually(() => assert.equal(query(page).get('stage'), '3'));
      await swipe({ x: area.x + area.width * 0.85, y }, { x: area.x + area.width * 0.2, y });
      await eventually(() => assert.equal(query(page).get('stage'), '4'));

      await page.goto(`/a/${albumId}?compare=1,4&mode=swipe`);
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
      const divider = page.getByRole('slider', { name: 'Divider between before and after' });
      await divider.waitFor();
      const box = await page.locator('app-compare-view .swipe').boundingBox();
      assert.ok(box);
      const middle = box.y + box.height / 2;
      await swipe({ x: box.x + box.width / 2, y: middle }, { x: box.x + box.width * 0.8, y: middle });
      await eventually(async () => assert.equal(await divider.getAttribute('aria-valuenow'), '80'));
      assert.ok(await fitsWidth(page), 'the comparison scrolls sideways at 360 px');
      await page.screenshot({ path: viewportShot('artwork-page-9-phone-360-touch-compare') });
      if (problems.length > 0) {
        throw new Error(`the page threw: ${problems.join('; ')}`);
      }
    } finally {
      await screenshot(page, t.name).catch(() => undefined);
      await context.close();
    }
  });

  it(
    'artwork page in the dark',
    withPage(
      target,
      async (page) => {
        await page.goto(`/a/${albumId}?compare=1,4&mode=onion`);
        await page.getByRole('slider', { name: /^Opacity/ }).waitFor();
        await loaded(page.locator('app-compare-view img').nth(1));
        await page.keyboard.press('v');
        await screenshot(page, 'artwork-page-8-desktop-dark-onion-values');
      },
      { viewport: WIDE, colorScheme: 'dark' },
    ),
  );
});

/** A path for a viewport-only shot: a full-page one hides where the bottom bar sits. */
function viewportShot(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}
