import type { AppConfig } from '../src/config/app-config';
import { DataVersion } from '../src/read-cache/data-version';
import { BumpFailures } from '../src/read-cache/data-version.module';
import { ReadCache } from '../src/read-cache/read-cache';
import { RenderedPages, type RenderedPage } from '../src/web/rendered-pages';

/** A data version the test moves by hand; null is Redis not answering. */
class HandVersion extends DataVersion {
  value: string | null = '1';
  current(): Promise<string | null> {
    return Promise.resolve(this.value);
  }
  bump(): Promise<void> {
    this.value = String(Number(this.value) + 1);
    return Promise.resolve();
  }
}

/** Server-rendered pages are rendered again only when the data may have changed. */
describe('RenderedPages', () => {
  let version: HandVersion;
  let failures: BumpFailures;
  let renders: number;
  const render = (html: string | null) => async (): Promise<RenderedPage | null> => {
    renders++;
    return html === null ? null : { html, csp: "script-src 'self'" };
  };
  const pages = (seconds = 300) => {
    const p = new RenderedPages(
      version,
      new ReadCache({ readCacheMs: seconds * 1000 } as AppConfig),
      failures,
    );
    p.onModuleInit();
    return p;
  };

  beforeEach(() => {
    version = new HandVersion();
    failures = new BumpFailures();
    renders = 0;
  });

  it('sends a kept page again while the data version stands, and renders anew once it moves', async () => {
    const p = pages();
    expect((await p.get('/a/1', render('<p>v1</p>')))?.html).toBe('<p>v1</p>');
    expect((await p.get('/a/1', render('<p>v2</p>')))?.html).toBe('<p>v1</p>');
    expect(renders).toBe(1);
    await version.bump();
    expect((await p.get('/a/1', render('<p>v2</p>')))?.html).toBe('<p>v2</p>');
    expect(renders).toBe(2);
  });

  it('keeps pages by URL, query included', async () => {
    const p = pages();
    await p.get('/search?q=harbour', render('harbour'));
    expect((await p.get('/search?q=dusk', render('dusk')))?.html).toBe('dusk');
    expect(renders).toBe(2);
  });

  it('never keeps a failed render, and renders every time while the version is unknown', async () => {
    const p = pages();
    expect(await p.get('/a/1', render(null))).toBeNull();
    expect((await p.get('/a/1', render('<p>ok</p>')))?.html).toBe('<p>ok</p>');
    version.value = null;
    await p.get('/a/1', render('<p>ok</p>'));
    await p.get('/a/1', render('<p>ok</p>'));
    expect(renders).toBe(4);
  });

  it('forgets everything when a bump failed, and keeps nothing with READ_CACHE_SECONDS=0', async () => {
    const p = pages();
    await p.get('/a/1', render('<p>v1</p>'));
    failures.emit();
    await p.get('/a/1', render('<p>v1</p>'));
    expect(renders).toBe(2);
    const off = pages(0);
    await off.get('/a/1', render('<p>v1</p>'));
    await off.get('/a/1', render('<p>v1</p>'));
    expect(renders).toBe(4);
  });
});
