import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Browser, Page } from 'playwright-core';

import { type RunningApp, startApp } from '../support/app';
import { PHONE, launchBrowser, withPage } from '../support/browser';
import { fitsWidth, signUpThroughApi, uniqueUsername } from '../support/helpers';

/** Each test leaves e2e/screenshots/phone-<page>.png at 390×844. */
describe('phone', () => {
  let app: RunningApp;
  let browser: Browser;
  const target = () => ({ browser, baseUrl: app.baseUrl });
  const onPhone = (body: (page: Page) => Promise<void>) => withPage(target, body, { viewport: PHONE });

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function assertFits(page: Page): Promise<void> {
    assert.ok(await fitsWidth(page), 'the page scrolls sideways at 390 px');
  }

  it(
    'phone home',
    onPhone(async (page) => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByLabel('Search painters and artworks').waitFor();
      await assertFits(page);
    }),
  );

  it(
    'phone login',
    onPhone(async (page) => {
      await page.goto('/login');
      await page.getByLabel('Remember me').waitFor();
      await assertFits(page);
    }),
  );

  it(
    'phone register',
    onPhone(async (page) => {
      await page.goto('/register');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByText('Enter your username').waitFor();
      await assertFits(page);
    }),
  );

  it(
    'phone painter page',
    onPhone(async (page) => {
      const username = uniqueUsername('phone');
      await signUpThroughApi(page, username, 'Maria Sibylla Merian');
      await page.goto(`/u/${username}`);
      await page.getByRole('heading', { level: 1, name: 'Maria Sibylla Merian' }).waitFor();
      await page.getByRole('button', { name: 'Maria Sibylla Merian' }).waitFor();
      await assertFits(page);
    }),
  );

  it(
    'phone settings',
    onPhone(async (page) => {
      await signUpThroughApi(page, uniqueUsername('phone'), 'Hilma af Klint');
      await page.goto('/settings');
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await page.getByLabel('Bio').waitFor();
      await assertFits(page);
    }),
  );
});
