import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { card } from '../testing/discovery';
import { FavoritesPage } from './favorites-page';

describe('FavoritesPage', () => {
  let fixture: ComponentFixture<FavoritesPage>;
  let host: HTMLElement;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [FavoritesPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FavoritesPage);
    host = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  async function answer(url: string, items: ReturnType<typeof card>[], nextCursor: string | null) {
    http.expectOne(url).flush({ items, nextCursor });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  it('lists my favourites a page at a time', async () => {
    await answer('/api/users/me/favorites?limit=24', [card('a1', 'Harbour at dawn')], 'next-1');
    expect(host.querySelector('.title')?.textContent?.trim()).toBe('Harbour at dawn');
    host.querySelector<HTMLButtonElement>('.more button')!.click();
    await answer('/api/users/me/favorites?limit=24&cursor=next-1', [card('a2', 'Red Fuji')], null);
    expect(host.querySelectorAll('.title')).toHaveLength(2);
    expect(host.querySelector('.more')).toBeNull();
  });

  it('says how to add the first one', async () => {
    await answer('/api/users/me/favorites?limit=24', [], null);
    expect(host.querySelector('h2')?.textContent?.trim()).toBe('No favourites yet');
    expect(host.querySelector('app-empty-state a')?.getAttribute('href')).toBe('/?sort=popular');
  });
});
