import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  type RouterStateSnapshot,
  Router,
  UrlTree,
  provideRouter,
} from '@angular/router';
import type { Me } from '@gallery/contracts';

import { safeReturnUrl, signedInGuard, signedOutGuard } from './guards';
import { Session } from './session';

const ME = { username: 'anna' } as Me;

function run(guard: typeof signedInGuard, url: string): ReturnType<typeof signedInGuard> {
  return TestBed.runInInjectionContext(() =>
    guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
  );
}

describe('guards', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([])] }));

  it('sends signed-out visitors of /settings to sign in, and back afterwards', () => {
    const result = run(signedInGuard, '/settings');
    expect(result).toBeInstanceOf(UrlTree);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/login?returnUrl=%2Fsettings');
  });

  it('lets signed-in painters into /settings', () => {
    TestBed.inject(Session).update(ME);
    expect(run(signedInGuard, '/settings')).toBe(true);
  });

  it('keeps signed-in painters away from sign-in and registration', () => {
    expect(run(signedOutGuard, '/login')).toBe(true);
    TestBed.inject(Session).update(ME);
    const result = run(signedOutGuard, '/login');
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/');
  });
});

describe('safeReturnUrl', () => {
  it('accepts paths inside Gallery', () => {
    expect(safeReturnUrl('/settings')).toBe('/settings');
    expect(safeReturnUrl('/u/anna?tab=stages')).toBe('/u/anna?tab=stages');
  });

  it('refuses anything that could leave the site', () => {
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('/\\evil.example')).toBe('/');
    expect(safeReturnUrl('javascript:alert(1)')).toBe('/');
    expect(safeReturnUrl(undefined)).toBe('/');
  });
});
