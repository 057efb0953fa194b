import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { SearchResult } from '@gallery/contracts';

import { card, painter } from '../testing/discovery';
import { HeaderSearch } from './header-search';
import { TYPEAHEAD_DEBOUNCE_MS } from './typeahead';

const FOUND: SearchResult = {
  users: [painter('clara', 'Clara Vasquez')],
  albums: [card('a1', 'Harbour at dawn'), card('a2', 'Clary sage')],
};

describe('HeaderSearch', () => {
  let fixture: ComponentFixture<HeaderSearch>;
  let host: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;
  let box: HTMLInputElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [HeaderSearch],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(HeaderSearch);
    host = fixture.nativeElement;
    document.body.appendChild(host);
    await fixture.whenStable();
    box = host.querySelector('input')!;
  });

  afterEach(() => {
    http.verify();
    host.remove();
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    }
  }

  /** Types the text, waits out the pause and answers the search. */
  async function search(text: string, answer: SearchResult = FOUND): Promise<void> {
    box.focus();
    box.value = text;
    box.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, TYPEAHEAD_DEBOUNCE_MS + 20));
    http.expectOne(`/api/search?q=${encodeURIComponent(text.trim())}`).flush(answer);
    await settle();
  }

  async function press(key: string): Promise<KeyboardEvent> {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    box.dispatchEvent(event);
    await settle();
    return event;
  }

  function options(): HTMLElement[] {
    return [...host.querySelectorAll<HTMLElement>('[role=option]')];
  }

  function selected(): string[] {
    return options()
      .filter((option) => option.getAttribute('aria-selected') === 'true')
      .map((option) => option.querySelector('.primary')?.textContent?.trim() ?? '');
  }

  it('is a combobox that offers painters, then artworks, then all results', async () => {
    expect(box.getAttribute('role')).toBe('combobox');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.disabled).toBe(false);

    await search('cla');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    const list = host.querySelector('[role=listbox]')!;
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    expect([...host.querySelectorAll('.group-label')].map((el) => el.textContent)).toEqual([
      'Painters',
      'Artworks',
    ]);
    expect(options().map((o) => o.querySelector('.primary')?.textContent?.trim())).toEqual([
      'Clara Vasquez',
      'Harbour at dawn',
      'Clary sage',
      'See all results for “cla”',
    ]);
    expect(host.querySelector('[role=status]')?.textContent).toContain('1 painter and 2 artworks');
  });

  it('walks the suggestions with the arrow keys and opens the highlighted one with Enter', async () => {
    await search('cla');
    expect(box.hasAttribute('aria-activedescendant')).toBe(false);

    expect((await press('ArrowDown')).defaultPrevented).toBe(true);
    expect(selected()).toEqual(['Clara Vasquez']);
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[0].id);

    await press('ArrowDown');
    await press('ArrowDown');
    expect(selected()).toEqual(['Clary sage']);
    await press('ArrowUp');
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[1].id);

    await press('Enter');
    expect(navigate).toHaveBeenCalledWith(['/a', 'a1']);
    expect(box.value).toBe('');
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens a painter’s page on Enter', async () => {
    await search('cla');
    await press('ArrowDown');
    await press('Enter');
    expect(navigate).toHaveBeenCalledWith(['/u', 'clara']);
  });

  it('opens the search page on Enter when nothing is highlighted', async () => {
    await search('  harbour ');
    await press('Enter');
    expect(navigate).toHaveBeenCalledWith(['/search'], { queryParams: { q: 'harbour' } });
    expect(box.value).toBe('  harbour ');
  });

  it('closes on Escape, keeping the text; a second Escape clears it', async () => {
    await search('cla');
    await press('ArrowDown');
    expect((await press('Escape')).defaultPrevented).toBe(true);
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.hasAttribute('aria-activedescendant')).toBe(false);
    expect(box.value).toBe('cla');

    await press('ArrowDown');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await press('Escape');
    await press('Escape');
    expect(box.value).toBe('');
  });

  it('follows the mouse: hovering highlights, a click opens', async () => {
    await search('cla');
    const harbour = options()[1];
    harbour.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    await settle();
    expect(selected()).toEqual(['Harbour at dawn']);

    const press = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    harbour.dispatchEvent(press);
    expect(press.defaultPrevented).toBe(true);
    harbour.click();
    expect(navigate).toHaveBeenCalledWith(['/a', 'a1']);
  });

  it('says so when nothing matches', async () => {
    await search('zzz', { users: [], albums: [] });
    expect(host.textContent).toContain('No painters or artworks match “zzz”.');
    expect(host.querySelector('[role=status]')?.textContent).toBe('No painters or artworks match.');
  });
});
