import { type HttpBackend, type HttpEvent, HttpXhrBackend, type HttpRequest } from '@angular/common/http';
import { Injectable, REQUEST_CONTEXT, inject } from '@angular/core';
import type { Observable } from 'rxjs';

/** What the api passes with each page it renders on the server (backend/src/web/ssr.ts). */
export interface RenderContext {
  /** The site's public origin, e.g. https://gallery.example: the page's own address. */
  readonly publicOrigin: string;
  /** Where the api answers on this machine, e.g. http://127.0.0.1:3000. */
  readonly apiOrigin: string;
  /** Headers for those calls (the api's way of knowing whom a render is for). */
  readonly apiHeaders?: Record<string, string>;
}

/**
 * The server's HttpBackend (app.config.server.ts): the app's api calls (`/api/...`, made absolute
 * on the public origin by the server platform) go straight to the api over loopback, never out
 * through the public address and whatever proxy stands in front of it. A backend rather than an
 * interceptor: it comes after the transfer cache, which so keeps each answer under the address
 * the browser will ask for.
 */
@Injectable()
export class LocalApiBackend implements HttpBackend {
  private readonly xhr = inject(HttpXhrBackend);
  private readonly context = inject(REQUEST_CONTEXT, { optional: true }) as RenderContext | null;

  handle(req: HttpRequest<unknown>): Observable<HttpEvent<unknown>> {
    return this.xhr.handle(toLocalApi(req, this.context));
  }
}

/** `req` sent to the api over loopback when it is for the site's own origin (or relative). */
export function toLocalApi(req: HttpRequest<unknown>, context: RenderContext | null): HttpRequest<unknown> {
  if (!context?.apiOrigin) return req;
  const path = req.url.startsWith('/')
    ? req.url
    : req.url.startsWith(context.publicOrigin + '/')
      ? req.url.slice(context.publicOrigin.length)
      : null;
  return path === null
    ? req
    : req.clone({ url: context.apiOrigin + path, setHeaders: context.apiHeaders ?? {} });
}
