import type { ClientToServerEvents, ServerToClientEvents } from '@gallery/contracts';
import { CookieAccessInfo } from 'cookiejar';
import { io, type Socket } from 'socket.io-client';
import type { TestApp } from './test-app';
import type { TestClient } from './test-client';

/** A Socket.IO client typed like the web app's. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

const opened = new Set<ClientSocket>();

/** The Cookie header the browser would send with `client`'s cookies (session, XSRF). */
export function cookieOf(client: TestClient): string {
  const { hostname } = new URL(client.baseUrl);
  return client.agent.jar.getCookies(new CookieAccessInfo(hostname, '/', false, false)).toValueString();
}

/**
 * Connects to `app`, sending `cookie` as a browser would; WebSocket only by default, so a failed
 * upgrade cannot hide behind long-polling. Resolves once connected; rejects with the `connect_error`.
 */
export function connect(
  app: TestApp,
  cookie?: string,
  transports: ('polling' | 'websocket')[] = ['websocket'],
): Promise<ClientSocket> {
  const socket: ClientSocket = io(app.baseUrl, {
    path: '/socket.io',
    transports,
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
    forceNew: true,
  });
  opened.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(err);
    });
  });
}

/** The `connect_error` message the server answers `cookie` with; fails if the socket connects. */
export async function refusal(
  app: TestApp,
  cookie?: string,
  transports?: ('polling' | 'websocket')[],
): Promise<string> {
  const outcome = await connect(app, cookie, transports).then(
    () => null,
    (err: Error) => err.message,
  );
  if (outcome === null) throw new Error('the socket was expected to be refused, but it connected');
  return outcome;
}

/** The payload of the next `event` on `socket` (that `matches`, if given); rejects after `ms` without one. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  ms = 3000,
  matches: (payload: Payload<E>) => boolean = () => true,
): Promise<Payload<E>> {
  return new Promise((resolve, reject) => {
    // Broadcasts go out after the commit, so an event for something done just before the
    // socket connected can still arrive first: `matches` picks the one the test is about.
    const listener = (payload: Payload<E>) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    socket.on(event, listener as never);
  });
}

/** Every `event` payload `socket` receives during the next `ms` milliseconds. */
export function eventsDuring<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  ms = 400,
): Promise<Payload<E>[]> {
  const received: Payload<E>[] = [];
  const listener = (payload: Payload<E>) => received.push(payload);
  socket.on(event, listener as never);
  return new Promise((resolve) =>
    setTimeout(() => {
      socket.off(event, listener as never);
      resolve(received);
    }, ms),
  );
}

/** Disconnects every socket opened so far; call it after each test. */
export function disconnectAll(): void {
  for (const socket of opened) socket.disconnect();
  opened.clear();
}

/**
 * Connects with the presence:snapshot listener attached before connecting, as the web app does
 * (the snapshot can arrive in the same tick as `connect`), and resolves with the snapshot.
 */
export function snapshotOnConnect(app: TestApp, cookie: string): Promise<Payload<'presence:snapshot'>> {
  const socket: ClientSocket = io(app.baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
  });
  opened.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('presence:snapshot', resolve);
    socket.once('connect_error', reject);
  });
}
