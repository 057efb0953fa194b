import type { HttpInterceptorFn } from '@angular/common/http';
import { REQUEST_CONTEXT, inject } from '@angular/core';

/** What the api passes with each page it renders on the server (backend/src/web/web-delivery.ts). */
export interface RenderContext {
  /** Where the api answers on this machine, e.g. http://127.0.0.1:3000. */
  readonly apiOrigin: string;
  /** Headers for those calls (the api's way of knowing whom a render is for). */
  readonly apiHeaders?: Record<string, string>;
}

/**
 * The app's api calls are relative (`/api/...`). In the browser they stay so; when the server
 * renders a page they go straight to the api over loopback, never out through the public address
 * and whatever proxy stands in front of it.
 */
export const localApi: HttpInterceptorFn = (req, next) => {
  const context = inject(REQUEST_CONTEXT, { optional: true }) as RenderContext | null;
  return context?.apiOrigin && req.url.startsWith('/')
    ? next(req.clone({ url: context.apiOrigin + req.url, setHeaders: context.apiHeaders ?? {} }))
    : next(req);
};
