import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Browser } from 'playwright-core';

import { type RunningApp, startApp } from '../support/app';
import { launchBrowser, withPage } from '../support/browser';
import { PASSWORD, eventually, signUpThroughApi, uniqueUsername } from '../support/helpers';
import { gradientPng } from '../support/png';

describe('a painter’s account', () => {
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
    'register, sign out, sign in, edit profile and avatar, see them on the painter page',
    withPage(target, async (page) => {
      const username = uniqueUsername('clara');

      // Register — capitals are accepted and stored lower-case.
      await page.goto('/');
      await page.getByRole('link', { name: 'Join', exact: true }).click();
      await page.getByLabel('Username').fill(username.toUpperCase());
      await page.getByLabel('Display name').fill('Clara Vasquez');
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL(`**/u/${username}`);
      await page.getByRole('heading', { level: 1, name: 'Clara Vasquez' }).waitFor();
      await page.getByText('No artworks yet').waitFor();
      await page.getByText('Start your first artwork', { exact: false }).waitFor();

      // Sign out from the user menu.
      await page.getByRole('button', { name: 'Clara Vasquez' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL(`${app.baseUrl}/`);
      await page
        .getByRole('navigation', { name: 'Account' })
        .getByRole('link', { name: 'Sign in' })
        .waitFor();

      // Settings needs a session: the guard sends us to sign in and back.
      await page.goto('/settings');
      await page.waitForURL('**/login?returnUrl=%2Fsettings');

      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await eventually(async () =>
        assert.equal((await page.getByRole('alert').textContent())?.trim(), 'Wrong username or password'),
      );

      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByLabel('Remember me').check();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/settings');

      // Profile section.
      const profile = page.getByRole('region', { name: 'Profile' });
      await profile.getByLabel('Display name').fill('Clara Monet-Vasquez');
      await profile.getByLabel('Bio').fill('Oil painter from Lisbon.\nHarbours at dawn, slowly.');
      assert.match((await profile.getByText(/\/ 500/).textContent()) ?? '', /50 \/ 500/);
      await profile.getByRole('button', { name: 'Save profile' }).click();
      await profile.getByRole('status').getByText('Saved').waitFor();

      // Avatar section: preview before upload, then upload.
      const avatar = page.getByRole('region', { name: 'Avatar' });
      await avatar.getByLabel('Avatar image').setInputFiles({
        name: 'portrait.png',
        mimeType: 'image/png',
        buffer: gradientPng(96, 96),
      });
      await eventually(async () =>
        assert.match((await avatar.locator('app-avatar img').getAttribute('src')) ?? '', /^blob:/),
      );
      await avatar.getByRole('button', { name: 'Upload avatar' }).click();
      await avatar.getByRole('status').getByText('Saved').waitFor();
      const avatarUrl = await avatar.locator('app-avatar img').getAttribute('src');
      assert.ok(avatarUrl && !avatarUrl.startsWith('blob:'), `stored avatar URL, got ${avatarUrl}`);

      // The header follows the new name; the painter page shows everything.
      await page.getByRole('button', { name: 'Clara Monet-Vasquez' }).click();
      await page.getByRole('menuitem', { name: 'My page' }).click();
      await page.waitForURL(`**/u/${username}`);
      await page.getByRole('heading', { level: 1, name: 'Clara Monet-Vasquez' }).waitFor();
      await page.getByText(`@${username}`, { exact: true }).waitFor();
      const bio = page.locator('.bio');
      assert.equal(await bio.innerText(), 'Oil painter from Lisbon.\nHarbours at dawn, slowly.');
      await page.getByText(/Joined \w+ \d{4}/).waitFor();
      const portrait = page.locator('.profile app-avatar img');
      await eventually(async () =>
        assert.ok(await portrait.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)),
      );
    }),
  );

  it(
    'register refuses a taken username inline and bad characters as typed',
    withPage(target, async (page) => {
      const username = uniqueUsername('taken');
      await signUpThroughApi(page, username, 'First Owner');
      await page.context().clearCookies();

      await page.goto('/register');
      await page.getByLabel('Username').fill('no spaces!');
      await page.getByText('Use only letters, digits and underscores (_)').waitFor();

      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByText('That username is taken — try another').waitFor();
      assert.equal(await page.getByLabel('Username').getAttribute('aria-invalid'), 'true');
      assert.match(page.url(), /\/register$/);
    }),
  );

  it(
    'an unknown painter gets a friendly page',
    withPage(target, async (page) => {
      await page.goto('/u/nobody_by_that_name');
      await page.getByRole('heading', { name: 'No painter by that name' }).waitFor();
    }),
  );
});
