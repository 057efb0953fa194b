import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Me, Profile } from '@gallery/contracts';

import { Session } from '../auth/session';
import { PainterPage } from './painter-page';

const PROFILE: Profile = {
  id: '7',
  username: 'clara',
  displayName: 'Clara Vasquez',
  avatarUrl: null,
  bio: 'Oil painter.\nHarbours at dawn.',
  createdAt: '2026-03-14T09:00:00.000Z',
  albumCount: 1,
  followerCount: 12,
  followingCount: 3,
  followedByMe: false,
};

describe('PainterPage', () => {
  let fixture: ComponentFixture<PainterPage>;
  let host: HTMLElement;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [PainterPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** The artworks grid asks for the painter's first page once the profile is shown. */
  async function flushNoArtworks(username: string): Promise<void> {
    http.expectOne(`/api/users/${username}/albums?limit=24`).flush({ items: [], nextCursor: null });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function open(username: string): Promise<void> {
    fixture = TestBed.createComponent(PainterPage);
    fixture.componentRef.setInput('username', username);
    host = fixture.nativeElement;
    await fixture.whenStable();
  }

  it('shows who the painter is', async () => {
    await open('clara');
    http.expectOne('/api/users/clara').flush(PROFILE);
    await fixture.whenStable();

    expect(host.querySelector('h1')?.textContent?.trim()).toBe('Clara Vasquez');
    expect(host.textContent).toContain('@clara');
    expect(host.querySelector('.bio')?.textContent).toBe('Oil painter.\nHarbours at dawn.');
    expect(host.textContent).toContain('Joined March 2026');
    const counts = host.querySelector('.counts')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(counts).toBe('1 artwork 12 followers 3 following');
    expect(host.querySelector('app-avatar .initials')?.textContent?.trim()).toBe('CV');
    await flushNoArtworks('clara');
    expect(host.textContent).toContain('No artworks yet');
    expect(host.textContent).not.toContain('Start your first artwork');
  });

  it('encourages the painter on their own page', async () => {
    TestBed.inject(Session).update({ ...PROFILE, role: 'user' } as Me);
    await open('clara');
    http.expectOne('/api/users/clara').flush(PROFILE);
    await fixture.whenStable();
    await flushNoArtworks('clara');
    expect(host.querySelector('a[href="/new"]')?.textContent?.trim()).toBe('Start your first artwork');
    expect(host.querySelector('a[href="/settings"]')?.textContent?.trim()).toBe('Edit profile');
  });

  describe('follow', () => {
    function followButton(): HTMLButtonElement | null {
      return host.querySelector('app-follow-button button');
    }

    function followers(): string {
      return host.querySelector('.counts li:nth-child(2)')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    }

    async function settle(): Promise<void> {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    }

    async function openAsBerthe(profile: Profile = PROFILE): Promise<void> {
      TestBed.inject(Session).update({ id: '9', username: 'berthe', displayName: 'Berthe' } as Me);
      await open('clara');
      http.expectOne('/api/users/clara').flush(profile);
      await fixture.whenStable();
      await flushNoArtworks('clara');
    }

    it('follows at once, counting the new follower, and unfollows again', async () => {
      await openAsBerthe();
      expect(followButton()?.textContent?.trim()).toBe('Follow');
      expect(followers()).toBe('12 followers');

      followButton()!.click();
      fixture.detectChanges();
      expect(followButton()?.textContent?.trim()).toBe('Following');
      expect(followers()).toBe('13 followers');
      const follow = http.expectOne('/api/users/clara/follow');
      expect(follow.request.method).toBe('PUT');
      follow.flush({ followerCount: 13, followedByMe: true });
      await settle();

      followButton()!.click();
      fixture.detectChanges();
      expect(followers()).toBe('12 followers');
      const unfollow = http.expectOne('/api/users/clara/follow');
      expect(unfollow.request.method).toBe('DELETE');
      unfollow.flush({ followerCount: 12, followedByMe: false });
      await settle();
      expect(followButton()?.textContent?.trim()).toBe('Follow');
    });

    it('goes back to Following when unfollowing fails, and says so', async () => {
      await openAsBerthe({ ...PROFILE, followerCount: 1, followedByMe: true });
      expect(followers()).toBe('1 follower');
      followButton()!.click();
      fixture.detectChanges();
      expect(followers()).toBe('0 followers');
      http.expectOne('/api/users/clara/follow').flush(null, { status: 503, statusText: 'Unavailable' });
      await settle();
      expect(followButton()?.textContent?.trim()).toBe('Following');
      expect(followers()).toBe('1 follower');
      expect(host.querySelector('app-follow-button [role=alert]')?.textContent?.trim()).toBe(
        'You’re still following. Something went wrong on our side. Please try again in a moment.',
      );
    });

    it('is not offered on my own page', async () => {
      TestBed.inject(Session).update({ ...PROFILE, role: 'user' } as Me);
      await open('clara');
      http.expectOne('/api/users/clara').flush(PROFILE);
      await fixture.whenStable();
      await flushNoArtworks('clara');
      expect(followButton()).toBeNull();
    });
  });

  it('has a friendly state for unknown painters', async () => {
    await open('nobody');
    http
      .expectOne('/api/users/nobody')
      .flush(
        { statusCode: 404, error: 'Not Found', message: 'no such user' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();
    expect(host.querySelector('h1')?.textContent?.trim()).toBe('No painter by that name');
  });
});
