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

/** A report from click to resolution: a viewer reports, the admin hides it from /admin, it is gone. */
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
      await run(
        process.execPath,
        [path.join(REPO_ROOT, 'backend', 'dist', 'cli', 'make-admin.js'), adminName],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, DATA_DIR: app.dataDir, DATABASE_URL: '' },
        },
      );
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
});
