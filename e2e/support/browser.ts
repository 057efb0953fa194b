import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';

import { type Browser, type BrowserContext, type Page, type Response, chromium } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', 'screenshots');

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

/** Debian's Chromium, headless. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

/** A fresh browser context (own cookies and storage) pointed at the app. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: PageOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? DESKTOP,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(10_000);
  // Public pages arrive rendered by the server and show before the app runs; clicks made then are
  // replayed, gestures are not. A test acts like a person who waits for the page to answer:
  // after a full load, until the app says it has taken the page over (frontend/src/main.ts).
  context.on('page', (page) => {
    for (const name of ['goto', 'reload'] as const) {
      const load = page[name].bind(page) as (...args: unknown[]) => Promise<Response | null>;
      (page as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
        const response = await load(...args);
        if (response?.headers()['content-type']?.startsWith('text/html')) {
          await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
        }
        return response;
      };
    }
  });
  return context;
}

/** Full-page screenshot into e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${slug(name)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Wraps a test body: gives it a page in its own context and always leaves a full-page
 * screenshot named after the test — on failure too, which is when it helps most.
 */
export function withPage(
  target: () => { browser: Browser; baseUrl: string },
  body: (page: Page, t: TestContext) => Promise<void>,
  options: PageOptions = {},
): (t: TestContext) => Promise<void> {
  return async (t) => {
    const { browser, baseUrl } = target();
    const context = await newContext(browser, baseUrl, options);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await body(page, t);
      if (problems.length > 0) {
        throw new Error(`the page threw: ${problems.join('; ')}`);
      }
    } finally {
      await screenshot(page, t.name).catch(() => undefined);
      await context.close();
    }
  };
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}
