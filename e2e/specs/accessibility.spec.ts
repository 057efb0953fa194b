import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';

import { type RunningApp, startApp } from '../support/app';
import { axeViolations, describeViolations } from '../support/axe';
import { PHONE, launchBrowser, newContext } from '../support/browser';
import { eventually, signUpThroughApi, uniqueUsername } from '../support/helpers';
import { gradientPng } from '../support/png';

/** What axe sees must be what a visitor gets: both sides, both themes, both sizes. */
const VIEWPORTS = { phone: PHONE, desktop: { width: 1440, height: 900 } } as const;
const THEMES = ['light', 'dark'] as const;

/** One page to check: where it is and what shows it has finished rendering. */
interface Visit {
  readonly name: string;
  readonly path: () => string;
  readonly ready: (page: Page) => Promise<void>;
  /** Anything to do before the check, e.g. opening a menu. */
  readonly then?: (page: Page) => Promise<void>;
}

/** The XSRF token the api set for this page's context. */
async function xsrfHeaders(page: Page): Promise<Record<string, string>> {
  await page.request.get('/api/auth/me');
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  assert.ok(token, 'the api sets an XSRF-TOKEN cookie');
  return { 'X-XSRF-TOKEN': decodeURIComponent(token) };
}

async function post(page: Page, url: string, data: object): Promise<{ id: string }> {
  const response = await page.request.post(url, { data, headers: await xsrfHeaders(page) });
  assert.ok(response.ok(), `${url} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** An artwork with processed stages, as the page's painter. */
async function artwork(page: Page, title: string, stages: number, visibility = 'public'): Promise<string> {
  const { id } = await post(page, '/api/albums', { title, visibility });
  for (let i = 0; i < stages; i++) {
    const uploaded = await page.request.post(`/api/albums/${id}/stages`, {
      multipart: { files: { name: `stage-${i}.png`, mimeType: 'image/png', buffer: gradientPng(96, 72, i) } },
      headers: await xsrfHeaders(page),
    });
    assert.equal(uploaded.status(), 201, await uploaded.text());
  }
  await eventually(async () => {
    const album = (await (await page.request.get(`/api/albums/${id}`)).json()) as {
      stages: { status: string }[];
    };
    assert.ok(album.stages.every((stage) => stage.status === 'ready'));
  }, 30_000);
  return id;
}

describe('accessibility (axe, every page)', () => {
  let app: RunningApp;
  let browser: Browser;
  const painter = { username: uniqueUsername('ada'), displayName: 'Ada Lovelace' };
  const friend = { username: uniqueUsername('ben'), displayName: 'Ben Okafor' };
  let painterCookies: Cookie[] = [];
  let artworkId = '';
  let directId = '';

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const context = await newContext(browser, app.baseUrl);
    const friendContext = await newContext(browser, app.baseUrl);
    try {
      const page = await context.newPage();
      const other = await friendContext.newPage();
      await signUpThroughApi(page, painter.username, painter.displayName);
      await signUpThroughApi(other, friend.username, friend.displayName);
      artworkId = await artwork(page, 'Harbour at dusk', 3);
      await artwork(page, 'Garden, unlisted', 1, 'unlisted');
      await page.request.put(`/api/albums/${artworkId}/favorite`, { headers: await xsrfHeaders(page) });
      await post(page, '/api/chat/conversations/public/messages', { body: 'Morning, everyone!' });
      directId = (await post(page, '/api/chat/direct', { username: friend.username })).id;
      await post(page, `/api/chat/conversations/${directId}/messages`, { body: 'May I see the harbour?' });
      await post(other, `/api/chat/conversations/${directId}/messages`, { body: 'Of course — tomorrow.' });
      painterCookies = await context.cookies();
    } finally {
      await context.close();
      await friendContext.close();
    }
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first().waitFor();
  const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });

  const everyone: Visit[] = [
    {
      name: 'home',
      path: () => '/',
      ready: async (page) => page.locator('app-card-grid li a').first().waitFor(),
    },
    {
      name: 'search results',
      path: () => '/search?q=harbour',
      ready: async (page) =>
        page
          .getByRole('link', { name: /Harbour at dusk/ })
          .first()
          .waitFor(),
    },
    {
      name: 'painter page',
      path: () => `/u/${painter.username}`,
      ready: async (page) => page.locator('app-card-grid li a').first().waitFor(),
    },
    { name: 'artwork page', path: () => `/a/${artworkId}`, ready: heading },
    {
      name: 'artwork page, provenance open and the process film playing',
      path: () => `/a/${artworkId}`,
      // The film is rendered a moment after the stages: the button shows when it is ready.
      ready: async (page) =>
        page.getByRole('button', { name: 'Play the process' }).waitFor({ timeout: 60_000 }),
      then: async (page) => {
        await page.getByText('Proof of process').click();
        await page.getByRole('button', { name: 'Download record' }).waitFor();
        await page.getByRole('button', { name: 'Play the process' }).click();
        await page
          .getByRole('dialog', { name: /^The process of / })
          .locator('img.film')
          .waitFor();
      },
    },
    { name: 'lookup', path: () => '/lookup', ready: heading },
    { name: 'not found', path: () => '/no/such/page', ready: heading },
  ];
  const signedOutOnly: Visit[] = [
    { name: 'sign in', path: () => '/login', ready: heading },
    { name: 'register', path: () => '/register', ready: heading },
  ];
  const signedInOnly: Visit[] = [
    {
      name: 'editor',
      path: () => `/a/${artworkId}/edit`,
      ready: async (page) => page.getByRole('button', { name: 'Drag stage 3 to reorder' }).waitFor(),
    },
    {
      name: 'chat, public room',
      path: () => '/chat/public',
      ready: async (page) => messages(page).getByText('Morning, everyone!').waitFor(),
    },
    {
      name: 'chat, a conversation with the user menu open',
      path: () => `/chat/${directId}`,
      ready: async (page) => messages(page).getByText('Of course — tomorrow.').waitFor(),
      then: async (page) => {
        await page.locator('app-user-menu .trigger').click();
        await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
      },
    },
    { name: 'settings', path: () => '/settings', ready: heading },
    {
      name: 'favourites',
      path: () => '/favorites',
      ready: async (page) => page.locator('app-card-grid li a').first().waitFor(),
    },
  ];

  for (const signedIn of [false, true]) {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      for (const theme of THEMES) {
        describe(`${signedIn ? 'signed in' : 'signed out'}, ${size}, ${theme}`, () => {
          let context: BrowserContext;
          let page: Page;

          before(async () => {
            context = await newContext(browser, app.baseUrl, { viewport, colorScheme: theme });
            if (signedIn) {
              await context.addCookies(painterCookies);
            }
            page = await context.newPage();
          });

          after(async () => {
            await context?.close();
          });

          const visits = [...everyone, ...(signedIn ? signedInOnly : signedOutOnly)];
          for (const visit of visits) {
            it(visit.name, async () => {
              await page.goto(visit.path());
              await visit.ready(page);
              await visit.then?.(page);
              await page.waitForLoadState('networkidle');
              const violations = await axeViolations(page);
              assert.equal(violations.length, 0, `axe found:\n${describeViolations(violations)}`);
            });
          }
        });
      }
    }
  }
});
