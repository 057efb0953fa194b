import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Me } from '@gallery/contracts';

import { Session } from '../auth/session';
import { Realtime } from './realtime';

type Listener = (...args: unknown[]) => void;

/** Just enough of a Socket.IO client socket to see what the service does with it. */
class FakeSocket {
  connected = false;
  readonly listeners = new Map<string, Listener[]>();
  readonly anyListeners: Listener[] = [];
  readonly emitted: unknown[][] = [];
  /** What had been set up when connect() was called. */
  listenersAtConnect: string[] = [];

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  onAny(listener: Listener): this {
    this.anyListeners.push(listener);
    return this;
  }
  emit(...args: unknown[]): this {
    this.emitted.push(args);
    return this;
  }
  timeout(): this {
    return this;
  }
  emitWithAck(...args: unknown[]): Promise<unknown> {
    this.emitted.push(args);
    return Promise.resolve({ ok: true, echoed: args[1] });
  }
  connect(): this {
    this.listenersAtConnect = [...this.listeners.keys(), ...(this.anyListeners.length ? ['*'] : [])];
    return this;
  }
  disconnect(): this {
    this.connected = false;
    this.fire('disconnect');
    return this;
  }
  /** The server (or the connection) speaks. */
  fire(event: string, ...args: unknown[]): void {
    if (!['connect', 'disconnect'].includes(event)) {
      this.anyListeners.forEach((listener) => listener(event, ...args));
    }
    this.listeners.get(event)?.forEach((listener) => listener(...args));
  }
  up(): void {
    this.connected = true;
    this.fire('connect');
  }
}

const sockets: FakeSocket[] = [];
jest.mock('socket.io-client', () => ({
  io: jest.fn(() => {
    const socket = new FakeSocket();
    sockets.push(socket);
    return socket;
  }),
}));

const ANNA: Me = {
  id: 'u-anna',
  username: 'anna',
  displayName: 'Anna',
  avatarUrl: null,
  bio: '',
  role: 'user',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const BEN = { id: 'u-ben', username: 'ben', displayName: 'Ben', avatarUrl: null };

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
  }
}

function setUp(signedIn = true) {
  sockets.length = 0;
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  if (signedIn) {
    TestBed.inject(Session).update(ANNA);
  }
  const realtime = TestBed.inject(Realtime);
  TestBed.tick();
  return realtime;
}

describe('Realtime', () => {
  it('listens for presence before it connects, so the one snapshot is never missed', async () => {
    const realtime = setUp();
    realtime.start();
    await settle();
    const socket = sockets[0];
    expect(socket.listenersAtConnect).toEqual(
      expect.arrayContaining(['presence:snapshot', 'presence:update', '*']),
    );
    socket.up();
    socket.fire('presence:snapshot', [ANNA]);
    expect(realtime.online().map((user) => user.username)).toEqual(['anna']);
    socket.fire('presence:update', { user: BEN, online: true });
    expect(realtime.online().map((user) => user.username)).toEqual(['anna', 'ben']);
    socket.fire('presence:update', { user: BEN, online: false });
    expect(realtime.online().map((user) => user.username)).toEqual(['anna']);
    expect(realtime.isConnected()).toBe(true);
  });

  it('hands server events to subscribers for as long as they listen', async () => {
    const realtime = setUp();
    const received: string[] = [];
    const subscription = realtime.on('chat:typing').subscribe(({ user }) => received.push(user.username));
    await settle();
    const socket = sockets[0];
    socket.up();
    socket.fire('chat:typing', { conversationId: 'c', user: BEN });
    subscription.unsubscribe();
    socket.fire('chat:typing', { conversationId: 'c', user: BEN });
    expect(received).toEqual(['ben']);
  });

  it('tells when the connection comes back, not when it first opens', async () => {
    const realtime = setUp();
    let reconnects = 0;
    realtime.reconnects.subscribe(() => reconnects++);
    realtime.start();
    await settle();
    const socket = sockets[0];
    socket.up();
    expect(reconnects).toBe(0);
    socket.connected = false;
    socket.fire('disconnect');
    expect(realtime.isConnected()).toBe(false);
    socket.up();
    expect(reconnects).toBe(1);
  });

  it('drops notifications while disconnected and sends them when connected', async () => {
    const realtime = setUp();
    realtime.start();
    await settle();
    const socket = sockets[0];
    realtime.notify('chat:typing', { conversationId: 'c' });
    expect(socket.emitted).toEqual([]);
    socket.up();
    realtime.notify('chat:read', { conversationId: 'c', messageId: 'm' });
    expect(socket.emitted).toEqual([['chat:read', { conversationId: 'c', messageId: 'm' }]]);
  });

  it('answers a request with the server’s acknowledgement', async () => {
    const realtime = setUp();
    const ack = await realtime.request('chat:send', { conversationId: 'public', body: 'Hi' });
    expect(ack).toEqual({ ok: true, echoed: { conversationId: 'public', body: 'Hi' } });
  });

  it('serves existing subscribers from the new socket after another painter signs in', async () => {
    const realtime = setUp();
    const received: string[] = [];
    realtime.on('chat:message').subscribe((message) => received.push(message.id));
    await settle();
    sockets[0].up();
    TestBed.inject(Session).update({ ...ANNA, id: 'u-other', username: 'other' });
    TestBed.tick();
    await settle();
    expect(sockets).toHaveLength(2);
    expect(sockets[0].connected).toBe(false);
    sockets[1].up();
    sockets[1].fire('chat:message', { id: 'm-1' });
    expect(received).toEqual(['m-1']);
  });

  it('opens nothing for visitors who are not signed in', async () => {
    const realtime = setUp(false);
    let completed = false;
    realtime.on('chat:message').subscribe({ complete: () => (completed = true) });
    realtime.start();
    await settle();
    expect(completed).toBe(true);
    expect(sockets).toEqual([]);
  });
});
