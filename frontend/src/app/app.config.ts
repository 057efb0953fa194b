import { provideHttpClient, withXsrfConfiguration } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  provideClientHydration,
  withEventReplay,
  withHttpTransferCacheOptions,
} from '@angular/platform-browser';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { CSRF } from '@gallery/contracts';

import { routes } from './app.routes';
import { Session } from './auth/session';
import { PageTitle } from './page-title';
import { Theme } from './theme/theme';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // XMLHttpRequest rather than fetch: only XHR reports upload progress, which the stage
    // uploads show as progress bars.
    provideHttpClient(
      // The api sets a readable XSRF-TOKEN cookie on any GET; HttpClient echoes it on mutations.
      withXsrfConfiguration({ cookieName: CSRF.cookie, headerName: CSRF.header }),
    ),
    // The public pages come rendered from the server (app.routes.server.ts) for signed-out
    // visits; the browser takes the html over, and the api answers the server used travel in the
    // page so the browser does not ask again. The session is never carried over: the browser asks
    // for it itself, and that GET is what sets the XSRF cookie. Clicks and keys that come before
    // the app has taken over are replayed once it has (the api allows the page's inline scripts
    // that record them by hash, web-delivery.ts).
    provideClientHydration(
      withEventReplay(),
      withHttpTransferCacheOptions({ filter: (req) => !req.url.endsWith('/api/auth/session') }),
    ),
    provideRouter(
      routes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled', anchorScrolling: 'enabled' }),
    ),
    { provide: TitleStrategy, useClass: PageTitle },
    // Knowing who is signed in before the first route renders avoids flashing "Sign in" at
    // painters who are; this first GET also gives us the XSRF cookie.
    provideAppInitializer(() => {
      inject(Theme);
      return inject(Session).restore();
    }),
  ],
};
