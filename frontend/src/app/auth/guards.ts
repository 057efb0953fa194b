import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';

import { Session } from './session';

/** Pages for signed-in painters only; others go to sign in and come back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  if (inject(Session).signedIn()) {
    return true;
  }
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** The admin pages: signed-out visitors sign in first; painters who are not admins go home. */
export const adminGuard: CanActivateFn = (route, state) => {
  const session = inject(Session);
  if (!session.signedIn()) {
    return signedInGuard(route, state);
  }
  return session.me()?.role === 'admin' ? true : inject(Router).createUrlTree(['/']);
};

/** Sign-in and registration make no sense when already signed in. */
export const signedOutGuard: CanActivateFn = () => {
  const session = inject(Session);
  return session.signedIn() ? inject(Router).createUrlTree(['/']) : true;
};

/**
 * Where to go after signing in. Only paths inside Gallery are accepted, so a crafted link
 * cannot send someone to another site.
 */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value;
}
