import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Browser } from 'playwright-core';

import { type RunningApp, startApp } from '../support/app';
import { launchBrowser, withPage } from '../support/browser';
import { bodyBackground, eventually, luminance } from '../support/helpers';

describe('light and dark theme', () => {
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
    'the toggle darkens the page and the choice survives a reload',
    withPage(
      target,
      async (page) => {
        await page.goto('/');
        const light = await bodyBackground(page);
        assert.ok(luminance(light) > 0.8, `light background expected, got ${light}`);

        await page.getByRole('button', { name: 'Toggle dark theme' }).click();
        await eventually(async () => assert.ok(luminance(await bodyBackground(page)) < 0.1));
        const dark = await bodyBackground(page);

        await page.reload();
        await page.getByRole('button', { name: 'Toggle dark theme' }).waitFor();
        assert.equal(await bodyBackground(page), dark);
        assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
        assert.equal(
          await page.getByRole('button', { name: 'Toggle dark theme' }).getAttribute('aria-pressed'),
          'true',
        );

        await page.getByRole('button', { name: 'Toggle dark theme' }).click();
        await eventually(async () => assert.equal(await bodyBackground(page), light));
      },
      { colorScheme: 'light' },
    ),
  );

  it(
    'follows a dark system preference until the visitor chooses',
    withPage(
      target,
      async (page) => {
        await page.goto('/login');
        assert.ok(luminance(await bodyBackground(page)) < 0.1);
        assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
      },
      { colorScheme: 'dark' },
    ),
  );
});
