import { Logger } from '@nestjs/common';
import type { Store } from 'express-session';
import { SessionRecheck } from './session-recheck';
import { SocketServer, type GallerySocket } from './socket-server';

/**
 * The session store is a port: when it is Redis and Redis is down, every chat event re-checks
 * the session and fails. Found by the scale bench: one warning per message (27 lines per api in
 * 5 s). An operator needs to see that the store went away and came back, not every attempt.
 */
describe('SessionRecheck during a session-store outage', () => {
  it('keeps the socket, and logs once when the store fails and once when it answers again', async () => {
    let storeDown = true;
    const store = {
      get: (_sid: string, done: (err: unknown, data?: unknown) => void) =>
        storeDown ? done(new Error('Connection is closed.')) : done(null, null),
    } as unknown as Store;
    const socket = {
      request: { sessionID: 'sid', sessionStore: store },
      data: { userId: 'u1' },
      disconnect: jest.fn(),
    } as unknown as GallerySocket;
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const recheck = new SessionRecheck(60_000, new SocketServer());

    for (let i = 0; i < 5; i++) expect(await recheck.ensure(socket)).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(socket.disconnect).not.toHaveBeenCalled();

    storeDown = false; // back, and this session is gone: the socket closes
    expect(await recheck.ensure(socket)).toBe(false);
    expect(await recheck.ensure(socket)).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(/answered again/);
    warn.mockRestore();
    log.mockRestore();
  });
});
