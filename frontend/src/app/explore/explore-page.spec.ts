import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { ArtworkCard, Me, Page } from '@gallery/contracts';

import { Session } from '../auth/session';
import { card } from '../testing/discovery';
import { ExplorePage, HUE_DEBOUNCE_MS } from './explore-page';

const PAGE: Page<ArtworkCard> = {
  items: [card('a1', 'Poppies in June', { likeCount: 3 }), card('a2', 'Red Fuji')],
  nextCursor: null,
};

describe('ExplorePage', () => {
  let fixture: ComponentFixture<ExplorePage>;
  let host: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ExplorePage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function open(params: Record<string, string>, expectUrl: string, answer = PAGE): Promise<void> {
    fixture = TestBed.createComponent(ExplorePage);
    for (const [name, value] of Object.entries(params)) {
      fixture.componentRef.setInput(name, value);
    }
    host = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne(expectUrl).flush(answer);
    await settle();
  }

  function tabs(): { name: string; href: string | null; current: boolean }[] {
    return [...host.querySelectorAll<HTMLAnchorElement>('.tabs a')].map((a) => ({
      name: a.textContent?.trim() ?? '',
      href: a.getAttribute('href'),
      current: a.getAttribute('aria-current') === 'page',
    }));
  }

  function signIn(): void {
    TestBed.inject(Session).update({ username: 'berthe', displayName: 'Berthe' } as Me);
  }

  it('welcomes visitors above the most recent artworks, without a Following tab', async () => {
    await open({}, '/api/albums?sort=recent&limit=24');
    expect(host.querySelector('app-welcome')).not.toBeNull();
    expect(tabs()).toEqual([
      { name: 'Recent', href: '/', current: true },
      { name: 'Popular', href: '/?sort=popular', current: false },
    ]);
    expect([...host.querySelectorAll('.title')].map((el) => el.textContent?.trim())).toEqual([
      'Poppies in June',
      'Red Fuji',
    ]);
    expect(host.querySelector('.painter-name')?.textContent?.trim()).toBe('Clara Vasquez');
    expect(host.querySelector('.meta .like')?.getAttribute('aria-label')).toBe(
      'Like Poppies in June, 3 likes',
    );
  });

  it('reads the sort and the colour from the address, and keeps the colour across tabs', async () => {
    signIn();
    await open({ sort: 'popular', hue: '210' }, '/api/albums?sort=popular&limit=24&hue=210');
    expect(host.querySelector('app-welcome')).toBeNull();
    expect(tabs()).toEqual([
      { name: 'Recent', href: '/?hue=210', current: false },
      { name: 'Popular', href: '/?sort=popular&hue=210', current: true },
      { name: 'Following', href: '/?tab=following', current: false },
    ]);
    const slider = host.querySelector<HTMLInputElement>('input[type=range]')!;
    expect(slider.value).toBe('210');
    expect(slider.getAttribute('aria-valuetext')).toBe('Blue, 210 degrees');
    expect(host.querySelector('ul.grid')?.getAttribute('aria-label')).toBe('Popular artworks in blue');
  });

  it('puts the colour in the address once the slider rests, replacing the history entry', async () => {
    await open({ sort: 'popular' }, '/api/albums?sort=popular&limit=24');
    jest.useFakeTimers();
    const slider = host.querySelector<HTMLInputElement>('input[type=range]')!;
    for (const hue of [100, 60, 30]) {
      slider.value = String(hue);
      slider.dispatchEvent(new Event('input'));
      jest.advanceTimersByTime(HUE_DEBOUNCE_MS / 3);
    }
    fixture.detectChanges();
    expect(host.querySelector('.picked')?.textContent?.trim()).toBe('Orange');
    expect(navigate).not.toHaveBeenCalled();

    jest.advanceTimersByTime(HUE_DEBOUNCE_MS);
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(['/'], {
      queryParams: { tab: null, sort: 'popular', hue: 30 },
      replaceUrl: true,
    });
  });

  it('drops the colour at once with “No colour filter”', async () => {
    await open({ hue: '0' }, '/api/albums?sort=recent&limit=24&hue=0');
    const reset = [...host.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'No colour filter',
    );
    reset!.click();
    expect(navigate).toHaveBeenCalledWith(['/'], {
      queryParams: { tab: null, sort: null, hue: null },
      replaceUrl: true,
    });
  });

  it('follows the address when it changes', async () => {
    await open({}, '/api/albums?sort=recent&limit=24');
    fixture.componentRef.setInput('hue', '0');
    fixture.detectChanges();
    http.expectOne('/api/albums?sort=recent&limit=24&hue=0').flush({ items: [], nextCursor: null });
    await settle();
    expect(host.textContent).toContain('No red artworks yet');
  });

  it('shows new work from followed painters, and what to do when there is none', async () => {
    signIn();
    await open({ tab: 'following' }, '/api/feed?limit=24', { items: [], nextCursor: null });
    expect(host.querySelector('app-hue-slider')).toBeNull();
    expect(tabs().find((tab) => tab.current)?.name).toBe('Following');
    expect(host.textContent).toContain('Follow painters you like to see their new work here.');
    const popular = [...host.querySelectorAll('app-empty-state a')].map((a) => a.getAttribute('href'));
    expect(popular).toEqual(['/?sort=popular']);
  });

  it('asks visitors to sign in for the Following list instead of loading it', async () => {
    fixture = TestBed.createComponent(ExplorePage);
    fixture.componentRef.setInput('tab', 'following');
    host = fixture.nativeElement;
    await fixture.whenStable();
    http.expectNone('/api/feed?limit=24');
    const signIn = host.querySelector<HTMLAnchorElement>('app-empty-state a.btn-primary');
    expect(signIn?.getAttribute('href')).toBe('/login?returnUrl=%2F%3Ftab%3Dfollowing');
  });
});
