import { RenderMode, type ServerRoute } from '@angular/ssr';

/**
 * The public pages whose html the server renders, so their first paint (and their largest one)
 * needs no script, and link unfurlers see the content. Everything else is rendered by the browser.
 * The api renders only signed-out visits (backend/src/web/web-delivery.ts).
 */
export const serverRoutes: ServerRoute[] = [
  { path: '', renderMode: RenderMode.Server },
  { path: 'search', renderMode: RenderMode.Server },
  { path: 'u/:username', renderMode: RenderMode.Server },
  { path: 'a/:id', renderMode: RenderMode.Server },
  { path: '**', renderMode: RenderMode.Client },
];
