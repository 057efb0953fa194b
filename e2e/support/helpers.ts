import type { Page } from 'playwright-core';

export const PASSWORD = 'correct horse battery';

let counter = 0;

/** A username no other test uses (lower-case letters, digits, _; at most 30). */
export function uniqueUsername(prefix: string): string {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}${counter}`.slice(0, 30);
}

/** Retries an assertion until it passes or time runs out; the page updates asynchronously. */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Creates an account through the api with the page's own cookies, so the page is signed in.
 * A GET first makes the api set the XSRF-TOKEN cookie that the POST must echo.
 */
export async function signUpThroughApi(page: Page, username: string, displayName: string): Promise<void> {
  await page.request.get('/api/auth/me');
  const cookies = await page.context().cookies();
  const xsrf = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  if (!xsrf) {
    throw new Error('the api set no XSRF-TOKEN cookie');
  }
  const response = await page.request.post('/api/auth/register', {
    data: { username, password: PASSWORD, displayName },
    headers: { 'X-XSRF-TOKEN': xsrf },
  });
  if (response.status() !== 201) {
    throw new Error(`register answered ${response.status()}: ${await response.text()}`);
  }
}

/** The computed background colour of <body>, e.g. "rgb(248, 247, 244)". */
export async function bodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/** Relative luminance 0..1 of an "rgb(r, g, b)" colour. */
export function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => {
    const channel = Number(part) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** True when nothing sticks out sideways (the classic phone-layout bug). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Signs an existing account in through the api with the page's own cookies. */
export async function signInThroughApi(page: Page, username: string): Promise<void> {
  await page.request.get('/api/auth/me');
  const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  if (!xsrf) {
    throw new Error('the api set no XSRF-TOKEN cookie');
  }
  const response = await page.request.post('/api/auth/login', {
    data: { username, password: PASSWORD },
    headers: { 'X-XSRF-TOKEN': xsrf },
  });
  if (response.status() !== 200) {
    throw new Error(`login answered ${response.status()}: ${await response.text()}`);
  }
}
