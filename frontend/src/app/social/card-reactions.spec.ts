import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Me } from '@gallery/contracts';

import { Session } from '../auth/session';
import { card } from '../testing/discovery';
import { CardReactions } from './card-reactions';
import { SignInPrompt } from './sign-in-prompt';

const CARD = card('art-1', 'Harbour at dawn', { likeCount: 4, favoritedByMe: true });

describe('CardReactions', () => {
  let fixture: ComponentFixture<CardReactions>;
  let host: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [CardReactions],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CardReactions);
    fixture.componentRef.setInput('card', CARD);
    host = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function signIn(): void {
    TestBed.inject(Session).update({ username: 'berthe' } as Me);
  }

  function button(name: 'Like' | 'Favourite'): HTMLButtonElement {
    return [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      b.getAttribute('aria-label')?.startsWith(`${name} `),
    )!;
  }

  function looks(name: 'Like' | 'Favourite'): { pressed: string | null; label: string | null } {
    const b = button(name);
    return { pressed: b.getAttribute('aria-pressed'), label: b.getAttribute('aria-label') };
  }

  function likeCount(): string {
    return button('Like').querySelector('.count')?.textContent?.trim() ?? '';
  }

  async function render(): Promise<void> {
    fixture.detectChanges();
    await Promise.resolve();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  it('shows the card’s like count and my marks, named after the artwork', () => {
    expect(looks('Like')).toEqual({ pressed: 'false', label: 'Like Harbour at dawn, 4 likes' });
    expect(likeCount()).toBe('4');
    expect(looks('Favourite')).toEqual({ pressed: 'true', label: 'Favourite Harbour at dawn' });
    expect(button('Favourite').querySelector('.count')).toBeNull();
  });

  it('shortens large counts on screen but says them in full', async () => {
    fixture.componentRef.setInput('card', card('art-2', 'Boats', { likeCount: 1234, likedByMe: true }));
    await fixture.whenStable();
    expect(likeCount()).toBe('1.2K');
    expect(looks('Like')).toEqual({ pressed: 'true', label: 'Like Boats, 1234 likes' });
  });

  it('likes at once and keeps the api’s numbers', async () => {
    signIn();
    button('Like').click();
    await render();
    expect(looks('Like')).toEqual({ pressed: 'true', label: 'Like Harbour at dawn, 5 likes' });
    expect(likeCount()).toBe('5');

    const request = http.expectOne('/api/albums/art-1/like');
    expect(request.request.method).toBe('PUT');
    request.flush({ likeCount: 7, likedByMe: true });
    await settle();
    expect(likeCount()).toBe('7');
    expect(looks('Like').label).toBe('Like Harbour at dawn, 7 likes');
  });

  it('takes a like back when the api refuses, and says so on the card', async () => {
    signIn();
    button('Like').click();
    await render();
    http
      .expectOne('/api/albums/art-1/like')
      .flush(
        { statusCode: 404, error: 'Not Found', message: 'no such artwork' },
        { status: 404, statusText: 'x' },
      );
    await settle();
    expect(looks('Like').pressed).toBe('false');
    expect(likeCount()).toBe('4');
    expect(host.querySelector('[role=alert]')?.textContent?.trim()).toBe(
      'Your like wasn’t saved. No such artwork.',
    );
  });

  it('removes a favourite at once with DELETE, and puts it back when the api is unreachable', async () => {
    signIn();
    button('Favourite').click();
    await render();
    expect(looks('Favourite').pressed).toBe('false');
    const request = http.expectOne('/api/albums/art-1/favorite');
    expect(request.request.method).toBe('DELETE');
    request.error(new ProgressEvent('error'), { status: 0 });
    await settle();
    expect(looks('Favourite').pressed).toBe('true');
    expect(host.querySelector('[role=alert]')?.textContent).toMatch(
      /^It’s still in your favourites\. Can’t reach Gallery/,
    );
  });

  it('asks visitors to sign in first, saying why, and back to the list afterwards', async () => {
    const router = TestBed.inject(Router);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/?sort=popular');
    const prompt = jest.spyOn(TestBed.inject(SignInPrompt), 'open').mockImplementation(() => undefined);
    button('Favourite').click();
    await render();
    expect(prompt).toHaveBeenCalledWith({
      reason: 'Sign in to keep this artwork in your favourites',
      returnUrl: '/?sort=popular',
    });
    expect(looks('Favourite').pressed).toBe('true');
    http.expectNone('/api/albums/art-1/favorite');
  });
});
