import type { Request, RequestHandler, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import passport from 'passport';
import type { AuthUser } from '../common/auth-user';
import type { GalleryServer } from './socket-server';

/** The message of the `connect_error` a client without a valid session gets. */
export const UNAUTHORIZED = 'unauthorized';

/** The message of the `connect_error` a socket opened by another site's page gets. */
export const FORBIDDEN_ORIGIN = 'forbidden origin';

type EngineRequest = IncomingMessage & { _query: Record<string, string | undefined>; user?: AuthUser };

/**
 * Signs sockets in with the REST session cookie: the same express-session middleware and passport
 * deserializer, so a signed-out or password-voided session is refused exactly as REST refuses it.
 */
export function authenticateHandshake(server: GalleryServer, session: RequestHandler): void {
  for (const middleware of [session, passport.initialize(), passport.session()]) {
    server.engine.use(onHandshakeOnly(middleware));
  }
  server.use((socket, next) => {
    const user = (socket.request as EngineRequest).user;
    if (!user) return next(new Error(UNAUTHORIZED));
    socket.data.userId = user.id;
    next();
  });
}

/**
 * Refuses sockets that another site's page opens. A browser sends our session cookie with a
 * WebSocket opened from any page, and WebSockets are outside CORS, so without this a page
 * elsewhere could chat as its visitor (cross-site WebSocket hijacking). Browsers always send
 * Origin; allowed are the app's public origin (PUBLIC_URL) and the origin the request itself
 * was addressed to (the Origin's host is the Host header: same-origin whatever PUBLIC_URL says,
 * e.g. http://127.0.0.1:PORT, or the dev server's proxy). Clients without Origin — Node
 * clients, the bench, tests — are no visitor's browser acting for another site, and stay
 * allowed. Register it before authenticateHandshake, so that is the reason such a socket gets.
 */
export function refuseForeignOrigins(server: GalleryServer, publicUrl: string): void {
  const own = new URL(publicUrl).origin;
  server.use((socket, next) => {
    const { origin, host } = socket.request.headers;
    if (origin === undefined || origin === own || hostOf(origin) === host) return next();
    next(new Error(FORBIDDEN_ORIGIN));
  });
}

/** "host:port" of an Origin header; null for "null" (sandboxed pages, files) and anything unparsable. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/**
 * Later HTTP long-polling requests of an established connection (they carry a `sid`) need no
 * session lookup: the socket was authenticated once, at the handshake.
 */
function onHandshakeOnly(middleware: RequestHandler) {
  return (req: EngineRequest, res: ServerResponse, next: (err?: unknown) => void): void => {
    if (req._query.sid !== undefined) return next();
    void middleware(req as unknown as Request, res as unknown as Response, next);
  };
}
