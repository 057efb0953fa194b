import type { Request, RequestHandler, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import passport from 'passport';
import type { UserEntity } from '../users/user.entity';
import type { GalleryServer } from './socket-server';

/** The message of the `connect_error` a client without a valid session gets. */
export const UNAUTHORIZED = 'unauthorized';

type EngineRequest = IncomingMessage & { _query: Record<string, string | undefined>; user?: UserEntity };

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
 * Later HTTP long-polling requests of an established connection (they carry a `sid`) need no
 * session lookup: the socket was authenticated once, at the handshake.
 */
function onHandshakeOnly(middleware: RequestHandler) {
  return (req: EngineRequest, res: ServerResponse, next: (err?: unknown) => void): void => {
    if (req._query.sid !== undefined) return next();
    void middleware(req as unknown as Request, res as unknown as Response, next);
  };
}
