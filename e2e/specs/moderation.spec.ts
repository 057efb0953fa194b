import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import type { Browser, Page } from 'playwright-core';

import { REPO_ROOT, type RunningApp, startApp } from '../support/app';
import { axeViolations, describeViolations } from '../support/axe';
import { launchBrowser, newContext, screenshot } from '../support/browser';
import { eventually, signUpThroughApi, uniqueUsername } from '../support/helpers';
import { gradientPng } from '../support/png';

const run = promisify(execFile);

/** The XSRF header the api wants on writes, from the page's cookies. */
async function xsrf(page: Page): Promise<Record<string, string>> {
  await page.request.get('/api/auth/me');
  const token = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  if (!token) throw new Error('no XSRF-TOKEN cookie');
  return { 'X-XSRF-TOKEN': token };
}

/** Makes the page's account an admin with the CLI an operator would use. */
async function makeAdmin(app: RunningApp, username: string): Promise<void> {
  await run(process.execPath, [path.join(REPO_ROOT, 'backend', 'dist', 'cli', 'make-admin.js'), username], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: app.dataDir, DATABASE_URL: '' },
  });
}

/** A report from click to resolution: a viewer reports, the admin acts from /admin, it is gone. */
describe('moderation', () => {
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

  it('a viewer reports an artwork, the admin hides it from /admin, the viewer no longer finds it, the owner sees why', async () => {
    const title = `Stolen harbour ${Date.now().toString(36)}`;
    const contexts = await Promise.all([0, 1, 2].map(() => newContext(browser, app.baseUrl)));
    const [painter, viewer, admin] = await Promise.all(contexts.map((c) => c.newPage()));
    try {
      // The painter publishes an artwork with one stage.
      const painterName = uniqueUsername('painter');
      await signUpThroughApi(painter!, painterName, 'Pia Painter');
      const created = await painter!.request.post('/api/albums', {
        data: { title },
        headers: await xsrf(painter!),
      });
      assert.equal(created.status(), 201);
      const albumId = ((await created.json()) as { id: string }).id;
      const upload = await painter!.request.post(`/api/albums/${albumId}/stages`, {
        multipart: { files: { name: 'sketch.png', mimeType: 'image/png', buffer: gradientPng(320, 240) } },
        headers: await xsrf(painter!),
      });
      assert.equal(upload.status(), 201);

      // The viewer reports it from the artwork page.
      await signUpThroughApi(viewer!, uniqueUsername('viewer'), 'Vic Viewer');
      await viewer!.goto(`/a/${albumId}`);
      await viewer!.getByRole('heading', { level: 1, name: title }).waitFor();
      await viewer!.getByRole('button', { name: 'Report this artwork' }).click();
      const dialog = viewer!.getByRole('dialog');
      await dialog.getByRole('radio', { name: /copyright/ }).check();
      await dialog.getByLabel('Details for the moderator (optional)').fill('This is my painting from 2019.');
      const dialogViolations = await axeViolations(viewer!);
      assert.equal(dialogViolations.length, 0, `axe found:\n${describeViolations(dialogViolations)}`);
      await dialog.getByRole('button', { name: 'Send report' }).click();
      await dialog.getByRole('heading', { name: 'Thanks, we got your report' }).waitFor();
      await dialog.getByRole('button', { name: 'Done' }).click();

      // The admin resolves it from /admin with "hide".
      const adminName = uniqueUsername('admin');
      await signUpThroughApi(admin!, adminName, 'Ada Admin');
      await makeAdmin(app, adminName);
      await admin!.goto('/admin');
      await admin!.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
      const item = admin!.locator(`li.report[data-target="album:${albumId}"]`);
      await item.getByRole('link', { name: title }).waitFor();
      await item.getByText('This is my painting from 2019.').waitFor();
      await item.getByRole('textbox').fill('Reported as copied; ask us if it is yours');
      const adminViolations = await axeViolations(admin!);
      assert.equal(adminViolations.length, 0, `axe found:\n${describeViolations(adminViolations)}`);
      await item.getByRole('button', { name: 'Hide artwork' }).click();
      await admin!.getByRole('status').filter({ hasText: 'Hide artwork: done' }).waitFor();
      await screenshot(admin!, 'moderation-admin-after-hide');

      // The viewer no longer finds it: not on its page, not in search.
      await viewer!.goto(`/a/${albumId}`);
      await eventually(async () => {
        assert.equal(await viewer!.getByRole('heading', { level: 1, name: title }).count(), 0);
      });
      const search = await viewer!.request.get(`/api/search?q=${encodeURIComponent(title)}`);
      assert.deepEqual(((await search.json()) as { albums: unknown[] }).albums, []);

      // The owner still sees it, with the moderator's reason.
      await painter!.goto(`/a/${albumId}`);
      const banner = painter!.getByRole('status').filter({ hasText: 'Hidden by a moderator' });
      await banner.waitFor();
      assert.match((await banner.textContent()) ?? '', /Reported as copied/);
      await screenshot(painter!, 'moderation-owner-banner');
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });

  it('a viewer reports a comment, the admin removes it from /admin, it goes from the viewer’s page live', async () => {
    const title = `Quiet harbour ${Date.now().toString(36)}`;
    const spam = `Cheap pills at spam.example ${Date.now().toString(36)}`;
    const contexts = await Promise.all([0, 1, 2, 3].map(() => newContext(browser, app.baseUrl)));
    const [painter, troll, viewer, admin] = await Promise.all(contexts.map((c) => c.newPage()));
    try {
      // The painter publishes an artwork; someone leaves a spam comment on it, and a kind one.
      await signUpThroughApi(painter!, uniqueUsername('painter'), 'Pia Painter');
      const created = await painter!.request.post('/api/albums', {
        data: { title },
        headers: await xsrf(painter!),
      });
      assert.equal(created.status(), 201);
      const albumId = ((await created.json()) as { id: string }).id;
      await signUpThroughApi(troll!, uniqueUsername('troll'), 'Tom Troll');
      const posted = await troll!.request.post(`/api/albums/${albumId}/comments`, {
        data: { body: spam },
        headers: await xsrf(troll!),
      });
      assert.equal(posted.status(), 201);
      const commentId = ((await posted.json()) as { id: string }).id;
      const kind = await painter!.request.post(`/api/albums/${albumId}/comments`, {
        data: { body: 'Thanks for looking' },
        headers: await xsrf(painter!),
      });
      assert.equal(kind.status(), 201);

      // The viewer reports the spam comment from the artwork page, by keyboard.
      await signUpThroughApi(viewer!, uniqueUsername('viewer'), 'Vic Viewer');
      await viewer!.goto(`/a/${albumId}`);
      const comments = viewer!.getByRole('region', { name: /Comments/ });
      const spamItem = comments.locator(`li.comment[data-comment-id="${commentId}"]`);
      await spamItem.getByText(spam).waitFor();
      assert.equal(await comments.locator('.count').textContent(), '2');
      // One Report per comment for the viewer; none on your own (the troll sees only the painter's).
      assert.equal(await comments.getByRole('button', { name: /^Report comment by/ }).count(), 2);
      await troll!.goto(`/a/${albumId}`);
      await troll!.getByText(spam).waitFor();
      const trollReports = troll!.getByRole('button', { name: /^Report comment by/ });
      assert.equal(await trollReports.count(), 1);
      assert.equal(await trollReports.getAttribute('aria-label'), 'Report comment by Pia Painter');
      await spamItem.getByRole('button', { name: 'Report comment by Tom Troll' }).focus();
      await viewer!.keyboard.press('Enter');
      const dialog = viewer!.getByRole('dialog');
      await dialog.getByRole('heading', { name: /^Report this comment by @troll_/ }).waitFor();
      await dialog.getByRole('radio', { name: /Spam/ }).check();
      await dialog.getByLabel('Details for the moderator (optional)').fill('Advertising pills.');
      const dialogViolations = await axeViolations(viewer!);
      assert.equal(dialogViolations.length, 0, `axe found:\n${describeViolations(dialogViolations)}`);
      await screenshot(viewer!, 'moderation-report-comment-dialog');
      await dialog.getByRole('button', { name: 'Send report' }).click();
      await dialog.getByRole('heading', { name: 'Thanks, we got your report' }).waitFor();
      await dialog.getByRole('button', { name: 'Done' }).click();

      // The admin sees the comment in the queue, where it is, and removes it.
      const adminName = uniqueUsername('admin');
      await signUpThroughApi(admin!, adminName, 'Ada Admin');
      await makeAdmin(app, adminName);
      await admin!.goto('/admin');
      const item = admin!.locator(`li.report[data-target="comment:${commentId}"]`);
      await item.getByText(spam).waitFor();
      assert.equal(await item.locator('.kind').textContent(), 'Comment');
      const where = item.getByRole('link', { name: title });
      assert.equal(await where.getAttribute('href'), `/a/${albumId}#comment-${commentId}`);
      await item.getByText('Advertising pills.').waitFor();
      assert.equal(await item.getByRole('button', { name: 'Hide artwork' }).count(), 0);
      const adminViolations = await axeViolations(admin!);
      assert.equal(adminViolations.length, 0, `axe found:\n${describeViolations(adminViolations)}`);
      await screenshot(admin!, 'moderation-admin-comment-report');
      await item.getByRole('textbox').fill('Advertising');
      await item.getByRole('button', { name: 'Remove comment' }).click();
      await admin!.getByRole('status').filter({ hasText: 'Remove comment: done' }).waitFor();

      // Gone from the viewer's open page without a reload, the count with it; and after one.
      await spamItem.waitFor({ state: 'detached' });
      await eventually(async () => assert.equal(await comments.locator('.count').textContent(), '1'));
      await viewer!.reload();
      await comments.getByText('Thanks for looking').waitFor();
      assert.equal(await viewer!.getByText(spam).count(), 0);
      const card = await viewer!.request.get(`/api/albums/${albumId}`);
      assert.equal(((await card.json()) as { commentCount: number }).commentCount, 1);
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });
});
