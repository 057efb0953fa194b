import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { SearchResult } from '@gallery/contracts';

import { card, painter } from '../testing/discovery';
import { SearchPage } from './search-page';

const FOUND: SearchResult = {
  users: [painter('clara', 'Clara Vasquez')],
  albums: [card('a1', 'Harbour at dawn'), card('a2', 'Harbour at dusk')],
};

describe('SearchPage', () => {
  let fixture: ComponentFixture<SearchPage>;
  let host: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [SearchPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  async function open(params: Record<string, string>, answer?: SearchResult): Promise<void> {
    fixture = TestBed.createComponent(SearchPage);
    for (const [name, value] of Object.entries(params)) {
      fixture.componentRef.setInput(name, value);
    }
    host = fixture.nativeElement;
    fixture.detectChanges();
    if (answer) {
      http.expectOne(`/api/search?q=${encodeURIComponent(params['q'].trim())}`).flush(answer);
    }
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function tabs(): { name: string; selected: boolean }[] {
    return [...host.querySelectorAll('[role=tab]')].map((tab) => ({
      name: tab.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      selected: tab.getAttribute('aria-selected') === 'true',
    }));
  }

  it('shows the artworks found, with counts on the tabs', async () => {
    await open({ q: 'harbour' }, FOUND);
    expect(host.querySelector('h1')?.textContent?.trim()).toBe('Results for “harbour”');
    expect(tabs()).toEqual([
      { name: 'Artworks 2', selected: true },
      { name: 'Painters 1', selected: false },
    ]);
    const panel = host.querySelector('[role=tabpanel]')!;
    expect(panel.getAttribute('aria-labelledby')).toBe('search-tab-artworks');
    expect([...panel.querySelectorAll('.title')].map((el) => el.textContent?.trim())).toEqual([
      'Harbour at dawn',
      'Harbour at dusk',
    ]);
  });

  it('lists painters on their tab, and keeps the tab in the address', async () => {
    await open({ q: 'clara', tab: 'painters' }, FOUND);
    expect(tabs()[1].selected).toBe(true);
    const link = host.querySelector<HTMLAnchorElement>('app-painter-list a')!;
    expect(link.getAttribute('href')).toBe('/u/clara');
    expect(link.textContent).toContain('@clara');

    const artworks = host.querySelector<HTMLButtonElement>('#search-tab-artworks')!;
    artworks.click();
    expect(navigate).toHaveBeenCalledWith([], {
      queryParams: { tab: 'artworks' },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
    const keys = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    host.querySelector('#search-tab-painters')!.dispatchEvent(keys);
    expect(keys.defaultPrevented).toBe(true);
    expect(navigate).toHaveBeenLastCalledWith(
      [],
      expect.objectContaining({ queryParams: { tab: 'artworks' } }),
    );
  });

  it('opens on Painters when only painters matched', async () => {
    await open({ q: 'clara' }, { users: FOUND.users, albums: [] });
    expect(tabs()).toEqual([
      { name: 'Artworks 0', selected: false },
      { name: 'Painters 1', selected: true },
    ]);
  });

  it('has a hint when nothing matches, and when nothing was asked', async () => {
    await open({ q: 'zzz' }, { users: [], albums: [] });
    expect(host.querySelector('h2')?.textContent?.trim()).toBe('Nothing matches “zzz”');
    expect(host.querySelector('[role=tablist]')).toBeNull();

    await open({ q: '   ' });
    http.expectNone(() => true);
    expect(host.querySelector('h1')?.textContent?.trim()).toBe('Search Gallery');
    expect(host.textContent).toContain('in the search box at the top of the page');
  });

  it('offers to try again when the search fails', async () => {
    await open({ q: 'harbour' });
    http.expectOne('/api/search?q=harbour').flush(null, { status: 0, statusText: 'Unknown Error' });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(host.querySelector('[role=alert]')?.textContent).toContain('Can’t reach Gallery');
    host.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    http.expectOne('/api/search?q=harbour').flush(FOUND);
    await fixture.whenStable();
    expect(tabs()[0].name).toBe('Artworks 2');
  });
});
