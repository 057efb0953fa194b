import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ArtworkCard, Page } from '@gallery/contracts';

import { ArtworkGrid } from './artwork-grid';

function card(id: string, title: string, stageCount: number): ArtworkCard {
  return {
    id,
    title,
    owner: { id: '7', username: 'clara', displayName: 'Clara', avatarUrl: null },
    cover: null,
    stageCount,
    likeCount: 0,
    commentCount: 0,
    likedByMe: false,
    favoritedByMe: false,
    createdAt: '2026-05-02T10:00:00.000Z',
    updatedAt: '2026-05-02T10:00:00.000Z',
  };
}

describe('ArtworkGrid', () => {
  let fixture: ComponentFixture<ArtworkGrid>;
  let host: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ArtworkGrid],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ArtworkGrid);
    fixture.componentRef.setInput('username', 'clara');
    fixture.componentRef.setInput('displayName', 'Clara');
    host = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function answer(url: string, page: Page<ArtworkCard>): Promise<void> {
    http.expectOne(url).flush(page);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function titles(): string[] {
    return [...host.querySelectorAll('.title')].map((el) => el.textContent?.trim() ?? '');
  }

  it('shows covers newest first and fetches the next page with the cursor', async () => {
    await answer('/api/users/clara/albums?limit=24', {
      items: [card('b', 'Harbour at dawn', 5), card('a', 'Study of hands', 1)],
      nextCursor: 'cursor-1',
    });
    expect(titles()).toEqual(['Harbour at dawn', 'Study of hands']);
    expect(host.textContent).toContain('5 stages');
    expect(host.textContent).toContain('1 stage ·');
    expect(host.querySelector('a.cover-link')?.getAttribute('href')).toBe('/a/b');

    // jsdom has no IntersectionObserver: the button is the way on.
    host.querySelector<HTMLButtonElement>('.more button')!.click();
    await answer('/api/users/clara/albums?limit=24&cursor=cursor-1', {
      items: [card('a', 'Study of hands', 1), card('z', 'First light', 3)],
      nextCursor: null,
    });
    expect(titles()).toEqual(['Harbour at dawn', 'Study of hands', 'First light']);
    expect(host.querySelector('.more')).toBeNull();
  });

  it('keeps the empty state for a painter without artworks', async () => {
    await answer('/api/users/clara/albums?limit=24', { items: [], nextCursor: null });
    expect(host.textContent).toContain('No artworks yet');
    expect(host.textContent).toContain('When Clara publishes an artwork');
  });
});
