import { inject } from '@angular/core';
import { Router } from '@angular/router';

import { Session } from '../auth/session';
import { SignInPrompt } from './sign-in-prompt';

/**
 * For actions only signed-in painters can take (like, favourite, follow, comment). Call in an
 * injection context; the function it returns is true when signed in, and otherwise opens a small
 * dialog saying why (`reason`, e.g. "Sign in to like this artwork") whose Sign in and Join links
 * bring the visitor back to this page afterwards.
 */
export function signInFirst(): (reason: string) => boolean {
  const session = inject(Session);
  const router = inject(Router);
  const prompt = inject(SignInPrompt);
  return (reason) => {
    if (session.signedIn()) {
      return true;
    }
    prompt.open({ reason, returnUrl: router.url });
    return false;
  };
}
