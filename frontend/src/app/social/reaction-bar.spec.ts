import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Me } from '@gallery/contracts';

import { Session } from '../auth/session';
import { album } from '../testing/artworks';
import { ReactionBar } from './reaction-bar';
import { SignInPrompt } from './sign-in-prompt';

const ART = album([], { id: 'art-1', likeCount: 4, favoriteCount: 1, favoritedByMe: true });

describe('ReactionBar', () => {
  let fixture: ComponentFixture<ReactionBar>;
  let host: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ReactionBar],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReactionBar);
    fixture.componentRef.setInput('album', ART);
    host = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function signIn(): void {
    TestBed.inject(Session).update({ username: 'berthe' } as Me);
  }

  function button(name: 'Like' | 'Favourite'): HTMLButtonElement {
    return [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      b.textContent?.trim().startsWith(name),
    )!;
  }

  function looks(name: 'Like' | 'Favourite'): { pressed: string | null; count: string } {
    const b = button(name);
    return {
      pressed: b.getAttribute('aria-pressed'),
      count: b.querySelector('.count')?.textContent?.replace(',', '').trim() ?? '',
    };
  }

  async function render(): Promise<void> {
    fixture.detectChanges();
    await Promise.resolve();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  it('shows the artwork’s counts and my marks', () => {
    expect(looks('Like')).toEqual({ pressed: 'false', count: '4' });
    expect(looks('Favourite')).toEqual({ pressed: 'true', count: '1' });
  });

  it('likes at once and keeps the api’s numbers', async () => {
    signIn();
    button('Like').click();
    await render();
    expect(looks('Like')).toEqual({ pressed: 'true', count: '5' });

    const request = http.expectOne('/api/albums/art-1/like');
    expect(request.request.method).toBe('PUT');
    request.flush({ likeCount: 6, likedByMe: true });
    await settle();
    expect(looks('Like')).toEqual({ pressed: 'true', count: '6' });
  });

  it('takes a like back when the api refuses, and says so', async () => {
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
    expect(looks('Like')).toEqual({ pressed: 'false', count: '4' });
    expect(host.querySelector('[role=alert]')?.textContent?.trim()).toBe(
      'Your like wasn’t saved. No such artwork.',
    );
  });

  it('removes a favourite with DELETE', async () => {
    signIn();
    button('Favourite').click();
    await render();
    expect(looks('Favourite')).toEqual({ pressed: 'false', count: '0' });
    const request = http.expectOne('/api/albums/art-1/favorite');
    expect(request.request.method).toBe('DELETE');
    request.flush({ favoriteCount: 0, favoritedByMe: false });
    await settle();
    expect(host.querySelector('[role=alert]')).toBeNull();
  });

  it('asks visitors to sign in first, saying why, and back here afterwards', async () => {
    const router = TestBed.inject(Router);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/a/art-1');
    const prompt = jest.spyOn(TestBed.inject(SignInPrompt), 'open').mockImplementation(() => undefined);
    button('Like').click();
    await render();
    expect(prompt).toHaveBeenCalledWith({ reason: 'Sign in to like this artwork', returnUrl: '/a/art-1' });
    expect(looks('Like')).toEqual({ pressed: 'false', count: '4' });
    http.expectNone('/api/albums/art-1/like');
  });

  it('keeps its own change when a fresher copy of the artwork arrives meanwhile', async () => {
    signIn();
    button('Like').click();
    await render();
    fixture.componentRef.setInput('album', { ...ART, likeCount: 10 });
    await render();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(looks('Like')).toEqual({ pressed: 'true', count: '5' });
    http.expectOne('/api/albums/art-1/like').flush({ likeCount: 11, likedByMe: true });
    await settle();
    expect(looks('Like').count).toBe('11');
  });
});
