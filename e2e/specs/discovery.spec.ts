import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';

import { type RunningApp, startApp } from '../support/app';
import { PHONE, launchBrowser, newContext, screenshot, withPage } from '../support/browser';
import { eventually, fitsWidth, signUpThroughApi, uniqueUsername } from '../support/helpers';

/** A 400×300 picture of one colour with some noise, so it looks painted and has a clear hue. */
async function paint(hex: string): Promise<Buffer> {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  const width = 400;
  const height = 300;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const noise = Math.round((Math.random() - 0.5) * 36);
    pixels[i * 3] = clamp(r + noise);
    pixels[i * 3 + 1] = clamp(g + noise);
    pixels[i * 3 + 2] = clamp(b + noise);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, value));
}

/** The XSRF token the api set for this page's context. */
async function xsrf(page: Page): Promise<string> {
  await page.request.get('/api/auth/me');
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  assert.ok(token, 'the api sets an XSRF-TOKEN cookie');
  return decodeURIComponent(token);
}

/**
 * Creates a public artwork with one stage through the api, as the page's painter, and waits
 * until the stage is processed (so it has a cover and colours).
 */
async function publish(page: Page, title: string, hex: string): Promise<string> {
  const headers = { 'X-XSRF-TOKEN': await xsrf(page) };
  const created = await page.request.post('/api/albums', { data: { title }, headers });
  assert.equal(created.status(), 201, await created.text());
  const { id } = (await created.json()) as { id: string };
  const uploaded = await page.request.post(`/api/albums/${id}/stages`, {
    multipart: { files: { name: `${hex.slice(1)}.png`, mimeType: 'image/png', buffer: await paint(hex) } },
    headers,
  });
  assert.equal(uploaded.status(), 201, await uploaded.text());
  await eventually(async () => {
    const album = (await (await page.request.get(`/api/albums/${id}`)).json()) as {
      stages: { status: string }[];
    };
    assert.deepEqual(
      album.stages.map((stage) => stage.status),
      ['ready'],
    );
  }, 30_000);
  return id;
}

/** Titles of the cards in the grid, in order. */
async function cardTitles(page: Page): Promise<string[]> {
  return page.locator('app-card-grid .title').allInnerTexts();
}

describe('discovery', () => {
  let app: RunningApp;
  let browser: Browser;
  const target = () => ({ browser, baseUrl: app.baseUrl });
  const suffix = Date.now().toString(36).slice(-5);
  const red = `Crimson poppies ${suffix}`;
  const blue = `Deep harbour ${suffix}`;
  const green = `Green study ${suffix}`;
  const painterName = `Odile Redon ${suffix}`;
  let painter = '';
  let redId = '';

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it(
    'a viewer finds a painter and an artwork, likes, favourites and follows, and sees new work in Following and by colour',
    withPage(target, async (viewer) => {
      // Painter A, in a browser of their own, publishes a red and a blue artwork.
      const painterContext = await newContext(browser, app.baseUrl);
      const painterPage = await painterContext.newPage();
      try {
        painter = uniqueUsername('odile');
        await signUpThroughApi(painterPage, painter, painterName);
        redId = await publish(painterPage, red, '#d01010');
        await publish(painterPage, blue, '#1040c0');

        // Viewer B finds the painter from the header: type, arrow down, Enter.
        await signUpThroughApi(viewer, uniqueUsername('viewer'), 'Berthe Morisot');
        await viewer.goto('/');
        await viewer.getByRole('heading', { level: 1, name: 'Explore' }).waitFor();
        const search = viewer.getByRole('combobox', { name: 'Search painters and artworks' });
        await search.fill('odile red');
        const painterOption = viewer.getByRole('option', { name: new RegExp(painterName) });
        await painterOption.waitFor();
        assert.equal(await search.getAttribute('aria-expanded'), 'true');
        await search.press('ArrowDown');
        // The app renders after the key event (zoneless change detection): on a busy machine
        // an immediate read can still see the list before the highlight.
        await eventually(async () => {
          assert.equal(await painterOption.getAttribute('aria-selected'), 'true');
          assert.equal(
            await search.getAttribute('aria-activedescendant'),
            await painterOption.getAttribute('id'),
          );
        });
        await search.press('Enter');
        await viewer.waitForURL(`**/u/${painter}`);
        await viewer.getByRole('heading', { level: 1, name: painterName }).waitFor();

        // …and the red artwork by a word of its title, with a click.
        await search.fill('crimson');
        const artworkOption = viewer.getByRole('option', { name: new RegExp(red) });
        await artworkOption.waitFor();
        assert.ok(
          await artworkOption.locator('app-stage-image').count(),
          'the suggestion shows the artwork’s cover',
        );
        await artworkOption.click();
        await viewer.waitForURL(`**/a/${redId}`);
        await viewer.getByRole('heading', { level: 1, name: red }).waitFor();

        // Like and favourite: pressed at once, counts up, and kept after a reload.
        const like = viewer.getByRole('button', { name: /^Like/ });
        const favourite = viewer.getByRole('button', { name: /^Favourite/ });
        assert.equal(await like.getAttribute('aria-pressed'), 'false');
        assert.equal((await like.locator('.count').innerText()).replace(',', '').trim(), '0');
        const liked = viewer.waitForResponse((r) => r.url().endsWith(`/albums/${redId}/like`));
        await like.click();
        assert.equal((await liked).status(), 200);
        await eventually(async () => assert.equal(await like.getAttribute('aria-pressed'), 'true'));
        assert.equal((await like.locator('.count').innerText()).replace(',', '').trim(), '1');
        const favourited = viewer.waitForResponse((r) => r.url().endsWith(`/albums/${redId}/favorite`));
        await favourite.click();
        assert.equal((await favourited).status(), 200);
        await eventually(async () => assert.equal(await favourite.getAttribute('aria-pressed'), 'true'));
        await viewer.reload();
        await viewer.getByRole('heading', { level: 1, name: red }).waitFor();
        await eventually(async () => {
          assert.equal(await like.getAttribute('aria-pressed'), 'true');
          assert.equal((await favourite.locator('.count').innerText()).replace(',', '').trim(), '1');
        });

        // Favourites, from the user menu.
        await viewer.getByRole('button', { name: 'Berthe Morisot' }).click();
        await viewer.getByRole('menuitem', { name: 'Favourites' }).click();
        await viewer.waitForURL('**/favorites');
        await eventually(async () => assert.deepEqual(await cardTitles(viewer), [red]));

        // Follow the painter: the button and the count change.
        await viewer.goto(`/u/${painter}`);
        await viewer.getByRole('heading', { level: 1, name: painterName }).waitFor();
        const counts = viewer.getByRole('list', { name: 'Numbers' });
        await eventually(async () => assert.match(await counts.innerText(), /2\s+artworks\s+0\s+followers/));
        await viewer.getByRole('button', { name: 'Follow', exact: true }).click();
        await viewer.getByRole('button', { name: 'Following', exact: true }).waitFor();
        await eventually(async () => assert.match(await counts.innerText(), /1\s+follower\b/));

        // Explore → Following has the painter's work, latest first.
        await viewer.getByRole('link', { name: 'Gallery' }).first().click();
        await viewer.getByRole('link', { name: 'Following', exact: true }).click();
        await viewer.waitForURL('**/?tab=following');
        await eventually(async () => assert.deepEqual(await cardTitles(viewer), [blue, red]));

        // A new artwork with a stage goes to the top of the viewer's Following list.
        await publish(painterPage, green, '#2e9a3a');
        await viewer.reload();
        await eventually(async () => assert.deepEqual(await cardTitles(viewer), [green, blue, red]));
        await screenshot(viewer, 'discovery-explore-following-desktop');

        // Colour: the slider at red shows the red work and not the blue one, in the address too.
        await viewer.getByRole('link', { name: 'Recent', exact: true }).click();
        await eventually(async () => assert.equal((await cardTitles(viewer)).length, 3));
        const slider = viewer.getByRole('slider', { name: 'Colour' });
        await slider.focus();
        await slider.press('Home');
        await viewer.waitForURL('**/?hue=0');
        await eventually(async () =>
          assert.equal(await slider.getAttribute('aria-valuetext'), 'Red, 0 degrees'),
        );
        await eventually(async () => assert.deepEqual(await cardTitles(viewer), [red]));
        await viewer.reload();
        await eventually(async () => assert.deepEqual(await cardTitles(viewer), [red]));
        assert.equal(await viewer.getByRole('slider', { name: 'Colour' }).inputValue(), '0');
        await screenshot(viewer, 'discovery-explore-red-desktop');

        await viewer.getByRole('button', { name: 'No colour filter' }).click();
        await viewer.waitForURL((url) => url.pathname === '/' && url.search === '');
        await eventually(async () => assert.deepEqual(await cardTitles(viewer), [green, blue, red]));
      } finally {
        await painterContext.close();
      }
    }),
  );

  it(
    'a viewer likes and favourites from an explore card, kept after a reload and in Favourites',
    withPage(target, async (page) => {
      assert.ok(painter, 'the first test publishes the artworks');
      await signUpThroughApi(page, uniqueUsername('viewer'), 'Mary Cassatt');
      await page.goto('/');
      const card = page.locator('app-card-grid li', { hasText: blue });
      const like = card.getByRole('button', { name: new RegExp(`^Like ${blue}, `) });
      const favourite = card.getByRole('button', { name: `Favourite ${blue}` });
      await like.waitFor();
      assert.equal(await like.getAttribute('aria-label'), `Like ${blue}, 0 likes`);
      assert.equal(await like.getAttribute('aria-pressed'), 'false');
      assert.equal(await favourite.getAttribute('aria-pressed'), 'false');

      // The api keeps both marks and the card shows them (the flip before the answer is unit-tested).
      const liked = page.waitForResponse((r) => r.url().endsWith('/like') && r.request().method() === 'PUT');
      await like.click();
      assert.equal((await liked).status(), 200);
      await eventually(async () =>
        assert.equal(await like.getAttribute('aria-label'), `Like ${blue}, 1 like`),
      );
      assert.equal(await like.getAttribute('aria-pressed'), 'true');
      assert.equal((await like.innerText()).trim(), '1');
      const favourited = page.waitForResponse((r) => r.url().endsWith('/favorite'));
      await favourite.click();
      assert.equal((await favourited).status(), 200);
      await eventually(async () => assert.equal(await favourite.getAttribute('aria-pressed'), 'true'));
      assert.equal(await card.locator('a button').count(), 0, 'no button inside the cover link');
      await screenshot(page, 'discovery-card-reactions-desktop');

      await page.reload();
      await eventually(async () => {
        assert.equal(await like.getAttribute('aria-pressed'), 'true');
        assert.equal(await like.getAttribute('aria-label'), `Like ${blue}, 1 like`);
        assert.equal(await favourite.getAttribute('aria-pressed'), 'true');
      });

      // The artwork page agrees; taking the like back there shows on the card after Back.
      await card.locator('a.cover-link').click();
      await page.getByRole('heading', { level: 1, name: blue }).waitFor();
      const pageLike = page.getByRole('button', { name: /^Like/ });
      await eventually(async () => assert.equal(await pageLike.getAttribute('aria-pressed'), 'true'));
      const unliked = page.waitForResponse(
        (r) => r.url().endsWith('/like') && r.request().method() === 'DELETE',
      );
      await pageLike.click();
      assert.equal((await unliked).status(), 200);
      await page.goBack();
      await eventually(async () => {
        assert.equal(await like.getAttribute('aria-pressed'), 'false');
        assert.equal(await like.getAttribute('aria-label'), `Like ${blue}, 0 likes`);
        assert.equal(await favourite.getAttribute('aria-pressed'), 'true');
      });
      await like.click();
      await eventually(async () => assert.equal(await like.getAttribute('aria-pressed'), 'true'));

      // Favourites has it, still marked.
      await page.goto('/favorites');
      await eventually(async () => assert.deepEqual(await cardTitles(page), [blue]));
      assert.equal(await favourite.getAttribute('aria-pressed'), 'true');

      // On a phone the buttons go below the painter and nothing sticks out sideways.
      await page.setViewportSize(PHONE);
      await page.goto('/');
      await eventually(async () => assert.equal(await like.getAttribute('aria-pressed'), 'true'));
      assert.ok(await fitsWidth(page), 'Explore with card buttons scrolls sideways at 390 px');
      await screenshot(page, 'discovery-card-reactions-phone');
    }),
  );

  it(
    'the search page lists artworks and painters on tabs',
    withPage(target, async (page) => {
      assert.ok(painter, 'the first test publishes the artworks searched for');
      await page.goto('/');
      const search = page.getByRole('combobox', { name: 'Search painters and artworks' });
      await search.fill(suffix);
      await page.getByRole('option', { name: new RegExp(`See all results for “${suffix}”`) }).waitFor();
      await search.press('Enter');
      await page.waitForURL(`**/search?q=${suffix}`);
      const artworks = page.getByRole('tab', { name: /Artworks/ });
      await eventually(async () =>
        assert.equal((await artworks.innerText()).replace(/\s+/g, ' '), 'Artworks 3'),
      );
      assert.equal(await artworks.getAttribute('aria-selected'), 'true');
      await eventually(async () => assert.equal((await cardTitles(page)).length, 3));
      await screenshot(page, 'discovery-search-desktop');

      const painters = page.getByRole('tab', { name: /Painters/ });
      await painters.click();
      await page.waitForURL(`**/search?q=${suffix}&tab=painters`);
      await page
        .getByRole('tabpanel')
        .getByRole('link', { name: new RegExp(painterName) })
        .click();
      await page.waitForURL(`**/u/${painter}`);
    }),
  );

  it(
    'a visitor who likes is asked to sign in first and comes back to the artwork or the list',
    withPage(target, async (page) => {
      assert.ok(redId, 'the first test publishes the artwork');
      await page.goto(`/a/${redId}`);
      await page.getByRole('heading', { level: 1, name: red }).waitFor();
      // A dialog says why; its Sign in link carries the way back.
      await page.getByRole('button', { name: /^Like/ }).click();
      await page.getByRole('dialog').getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL(`**/login?returnUrl=%2Fa%2F${redId}`);

      // The same from a card on Explore, back to the list afterwards.
      await page.goto('/?sort=popular');
      await page.getByRole('button', { name: `Favourite ${red}` }).click();
      await page.getByRole('dialog').getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL('**/login?returnUrl=%2F%3Fsort%3Dpopular');
    }),
  );

  it(
    'phone explore',
    withPage(
      target,
      async (page) => {
        await page.goto('/?sort=popular');
        await page.getByRole('heading', { level: 1 }).waitFor();
        await eventually(async () => assert.equal((await cardTitles(page)).length, 3));
        const popular = page.getByRole('link', { name: 'Popular', exact: true });
        assert.equal(await popular.getAttribute('aria-current'), 'page');
        await page.getByRole('slider', { name: 'Colour' }).waitFor();
        assert.ok(await fitsWidth(page), 'Explore scrolls sideways at 390 px');
      },
      { viewport: PHONE },
    ),
  );

  it(
    'phone search',
    withPage(
      target,
      async (page) => {
        await page.goto('/');
        const search = page.getByRole('combobox', { name: 'Search painters and artworks' });
        await search.fill('crimson');
        await page.getByRole('option', { name: new RegExp(red) }).waitFor();
        assert.ok(await fitsWidth(page), 'the suggestions stick out sideways at 390 px');
        await screenshot(page, 'discovery-typeahead-phone');
        await search.press('Enter');
        await page.waitForURL('**/search?q=crimson');
        await eventually(async () => assert.deepEqual(await cardTitles(page), [red]));
        assert.ok(await fitsWidth(page), 'the search page scrolls sideways at 390 px');
      },
      { viewport: PHONE },
    ),
  );
});
