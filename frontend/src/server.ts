/**
 * The server-side rendering entry, loaded by the api's web module (backend/src/web/ssr.ts) rather
 * than run as a server of its own: the api already serves the app's files and decides which
 * requests are rendered (signed-out visits of the public pages, app.routes.server.ts).
 *
 * The platform-neutral AngularAppEngine rather than AngularNodeAppEngine: the latter installs
 * process-wide unhandledRejection/uncaughtException loggers, which would keep the api alive after
 * an error that should stop it. The api builds the web Request itself, from its configured public
 * address, so the Host header a client sends never reaches the engine.
 */
import { AngularAppEngine } from '@angular/ssr';

/** An engine that accepts requests for these host names (the public address's). */
export function createEngine(allowedHosts: string[]): AngularAppEngine {
  return new AngularAppEngine({ allowedHosts });
}
