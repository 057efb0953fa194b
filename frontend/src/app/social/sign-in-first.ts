import { inject } from '@angular/core';
import { Router } from '@angular/router';

import { Session } from '../auth/session';

/**
 * For actions only signed-in painters can take (like, favourite, follow). Call in an injection
 * context; the function it returns is true when signed in, and otherwise sends the visitor to
 * sign in and brings them back to this page afterwards.
 */
export function signInFirst(): () => boolean {
  const session = inject(Session);
  const router = inject(Router);
  return () => {
    if (session.signedIn()) {
      return true;
    }
    void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
    return false;
  };
}
