import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapApplication(App, appConfig)
  .then((app) => app.whenStable())
  // The app has taken the page over (a server-rendered one is hydrated): every control answers
  // now. Said on <html> for tests and monitoring.
  .then(() => document.documentElement.setAttribute('data-app', 'ready'))
  .catch((err: unknown) => console.error(err));
