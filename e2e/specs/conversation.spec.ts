import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { type RunningApp, startApp } from '../support/app';
import { launchBrowser, newContext, screenshot } from '../support/browser';
import { eventually, signUpThroughApi, uniqueUsername } from '../support/helpers';

async function xsrf(page: Page): Promise<string> {
  await page.request.get('/api/auth/me');
  const token = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  assert.ok(token, 'the api set an XSRF-TOKEN cookie');
  return token;
}

describe('comments and notifications', () => {
  let app: RunningApp;
  let browser: Browser;
  const opened: BrowserContext[] = [];
  const problems: string[] = [];

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  after(async () => {
    for (const context of opened) {
      await context.close().catch(() => undefined);
    }
    await browser?.close();
    await app?.stop();
  });

  async function person(prefix: string | null, name: string): Promise<Page> {
    const context = await newContext(browser, app.baseUrl);
    opened.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`${name}: ${error.message}`));
    if (prefix) {
      await signUpThroughApi(page, uniqueUsername(prefix), name);
    }
    return page;
  }

  it('a comment appears live for the painter, whose bell counts it; a visitor is asked to sign in with a reason', async () => {
    const painter = await person('mona', 'Mona Lind');
    const viewer = await person('vik', 'Vik Rao');
    const created = await painter.request.post('/api/albums', {
      data: { title: 'Fjord in winter' },
      headers: { 'X-XSRF-TOKEN': await xsrf(painter) },
    });
    assert.equal(created.status(), 201, await created.text());
    const { id } = (await created.json()) as { id: string };

    await painter.goto(`/a/${id}`);
    await viewer.goto(`/a/${id}`);
    const panel = (page: Page) => page.locator('app-comments-panel');
    await panel(painter).getByText('No comments yet.').waitFor();
    await panel(viewer).getByText('No comments yet.').waitFor();
    // Give both sockets a moment to join the artwork's room.
    await eventually(async () => {
      const live = await painter.evaluate(() => document.readyState === 'complete');
      assert.ok(live);
    });
    await painter.waitForTimeout(500);

    await panel(viewer)
      .getByRole('textbox', { name: 'Your comment' })
      .fill('The **ice** is wonderful, see https://example.com/ice');
    await panel(viewer).getByRole('button', { name: 'Comment', exact: true }).click();

    // Live on the painter's page, no reload: rendered markdown-lite with a safe link.
    const comment = panel(painter).locator('li.comment').first();
    await comment.getByText('Vik Rao').waitFor({ timeout: 10_000 });
    assert.equal(await comment.locator('strong').textContent(), 'ice');
    assert.equal(
      await comment.locator('a[href="https://example.com/ice"]').getAttribute('rel'),
      'nofollow ugc noopener',
    );
    // The painter's bell counts it.
    const bell = painter.locator('app-notification-bell');
    await eventually(
      async () => assert.equal((await bell.getByTestId('notification-count').textContent())?.trim(), '1'),
      10_000,
    );
    await screenshot(painter, 'comments-live-painter').catch(() => undefined);

    // The painter opens the notification page: it says who did what, and reading clears the bell.
    await bell.getByRole('link').click();
    await painter.getByText('Vik Rao commented on your artwork').waitFor();
    await painter.getByRole('button', { name: 'Mark all read' }).click();
    await eventually(async () => assert.equal(await bell.getByTestId('notification-count').count(), 0));

    // A visitor who is not signed in: liking opens a dialog that says why, and sign-in comes back here.
    const visitor = await person(null, 'visitor');
    await visitor.goto(`/a/${id}`);
    await visitor.locator('app-reaction-bar').getByRole('button', { name: /Like/ }).click();
    const dialog = visitor.getByRole('dialog');
    await dialog.getByText('Sign in to like this artwork').waitFor();
    await dialog.getByRole('link', { name: 'Sign in' }).click();
    await visitor.waitForURL(`**/login?returnUrl=%2Fa%2F${id}`);
    await visitor.goto(`/a/${id}`);
    await visitor.locator('app-comments-panel').getByRole('button', { name: 'Sign in to comment' }).click();
    await visitor.getByRole('dialog').getByText('Sign in to comment on this artwork').waitFor();

    assert.deepEqual(problems.splice(0), [], 'no page threw');
  });
});
