import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Ack } from '@gallery/contracts';
import type { SessionData, Store } from 'express-session';
import type { IncomingMessage } from 'node:http';
import passport from 'passport';
import { SocketServer, type GallerySocket } from './socket-server';

/** Injection token: how often (ms) every socket's session is looked up again. */
export const SESSION_RECHECK_MS = Symbol('SESSION_RECHECK_MS');

/** Once a minute: a session that expired or was lost ends its sockets within that. */
export const DEFAULT_SESSION_RECHECK_MS = 60_000;

/** The ack of a sensitive event on a socket whose session is gone (the socket closes too). */
export const SESSION_GONE: Extract<Ack, { ok: false }> = {
  ok: false,
  error: 'unauthorized',
  code: 'UNAUTHENTICATED',
};

/** What express-session and passport leave on the handshake request. */
type HandshakeRequest = IncomingMessage & { sessionID?: string; sessionStore?: Store };
type SessionWithUser = SessionData & { passport?: { user?: unknown } };

/**
 * A socket is authenticated once, at the handshake; its session can end later without sign-out
 * (it expires, or Redis loses it) or go stale (password changed). This looks the session up again
 * — on a timer for every local socket, and before sensitive events — and closes sockets whose
 * session is gone or whose user no longer deserializes (the same passport rule as REST).
 */
@Injectable()
export class SessionRecheck implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SessionRecheck');
  private timer?: NodeJS.Timeout;
  /** Set while the store is unreachable, so an outage logs once when it starts and once when it ends. */
  private storeFailing = false;

  constructor(
    @Inject(SESSION_RECHECK_MS) private readonly everyMs: number,
    private readonly sockets: SocketServer,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** True when the socket's session still stands; otherwise closes the socket and answers false. */
  async ensure(socket: GallerySocket): Promise<boolean> {
    if (await this.valid(socket)) return true;
    socket.disconnect(true);
    return false;
  }

  /** Checks every socket connected to this instance (each instance checks its own). */
  async sweep(): Promise<void> {
    const server = this.sockets.server;
    if (!server) return;
    for (const socket of [...server.of('/').sockets.values()]) {
      if (socket.connected) await this.ensure(socket as GallerySocket);
    }
  }

  private async valid(socket: GallerySocket): Promise<boolean> {
    const req = socket.request as HandshakeRequest;
    const { sessionID, sessionStore } = req;
    if (!sessionID || !sessionStore) return false;
    try {
      const session = await new Promise<SessionWithUser | null | undefined>((resolve, reject) =>
        sessionStore.get(sessionID, (err, data) => (err ? reject(err) : resolve(data))),
      );
      this.storeAnswered();
      const payload = session?.passport?.user;
      if (!payload) return false;
      const user = await new Promise<{ id?: string } | false | undefined>((resolve, reject) =>
        passport.deserializeUser(payload, req, (err: unknown, u?: { id?: string } | false) =>
          err ? reject(err) : resolve(u),
        ),
      );
      return !!user && user.id === socket.data.userId;
    } catch (err) {
      // The store is unreachable: not proof that the session ended; the next check decides.
      this.storeFailed(err);
      return true;
    }
  }

  private storeFailed(err: unknown): void {
    if (this.storeFailing) return;
    this.storeFailing = true;
    const reason = err instanceof Error ? err.message : String(err);
    this.logger.warn(
      `session re-checks failing (${reason}); sockets keep their sessions until the store answers`,
    );
  }

  private storeAnswered(): void {
    if (!this.storeFailing) return;
    this.storeFailing = false;
    this.logger.log('session re-checks answered again');
  }
}
