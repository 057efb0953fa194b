import { provideHttpClient, withXsrfConfiguration } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
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
