import { Injectable, effect, inject, signal, untracked } from '@angular/core';
import type { ClientToServerEvents, ServerToClientEvents, Stage, UserSummary } from '@gallery/contracts';
import { EMPTY, Observable, Subject, filter } from 'rxjs';
// The ESM typings, the same ones the dynamic import() below gets (specs compile as CommonJS).
import type { Socket } from 'socket.io-client' with { 'resolution-mode': 'import' };

import { Session } from '../auth/session';

type GallerySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A stage as the server announces it, with the artwork it belongs to. */
export type StageUpdate = Stage & { albumId: string };

export type ServerEvent = keyof ServerToClientEvents;
/** What the server sends with an event, e.g. a Message for 'chat:message'. */
export type ServerPayload<K extends ServerEvent> = Parameters<ServerToClientEvents[K]>[0];
export type ClientEvent = keyof ClientToServerEvents;
export type ClientPayload<K extends ClientEvent> = Parameters<ClientToServerEvents[K]>[0];
/** The acknowledgement the server answers a client event with. */
export type ClientAck<K extends ClientEvent> = Parameters<
  NonNullable<Parameters<ClientToServerEvents[K]>[1]>
>[0];

/** How long to wait for an acknowledgement before calling the request failed. */
export const ACK_TIMEOUT_MS = 10_000;

/**
 * The one Socket.IO connection of the app, opened on first use and only for signed-in painters
 * (the handshake is authenticated by the session cookie; visitors rely on polling). The client
 * library is loaded on demand, so pages that never go live never download it.
 */
/** The events sent to an artwork's watchers, each carrying its albumId. */
type AlbumEvent =
  'stage:updated' | 'timelapse:updated' | 'comment:created' | 'comment:updated' | 'comment:deleted';

@Injectable({ providedIn: 'root' })
export class Realtime {
  private readonly session = inject(Session);
  private socket: Promise<GallerySocket> | null = null;
  private connected: GallerySocket | null = null;
  /** Artworks watched, with how many subscribers want each; re-announced after every reconnect. */
  private readonly watched = new Map<string, number>();
  /** Subscribers per server event. Kept across sockets, so a new session's socket serves them too. */
  private readonly listeners = new Map<ServerEvent, Set<(payload: unknown) => void>>();
  private readonly live = signal(false);
  private readonly onlineNow = signal<readonly UserSummary[]>([]);
  private readonly reconnected = new Subject<void>();

  /** True while the socket is connected (false before first use and while it reconnects). */
  readonly isConnected = this.live.asReadonly();
  /**
   * Painters online now. Tracked from the moment the socket opens: the server sends the snapshot
   * once, right after connecting, so a listener attached later would miss it.
   */
  readonly online = this.onlineNow.asReadonly();
  /** Fires each time the connection comes back after a drop (not on the first connect). */
  readonly reconnects: Observable<void> = this.reconnected.asObservable();

  /** Another painter (or none) means another cookie: drop the connection and open a new one if wanted. */
  private readonly resetOnSessionChange = effect(() => {
    const signedIn = this.session.me() !== null;
    untracked(() => {
      this.disconnect();
      if (signedIn && this.listeners.size > 0) {
        this.start();
      }
    });
  });

  /** Opens the connection now rather than on first use (signed-in painters only). */
  start(): void {
    if (this.session.signedIn()) {
      void this.connect().catch(() => undefined);
    }
  }

  /**
   * Server events of one kind for as long as the subscription lasts; connects on first use.
   * Completes at once for visitors who are not signed in.
   */
  on<K extends ServerEvent>(event: K): Observable<ServerPayload<K>> {
    if (!this.session.signedIn()) {
      return EMPTY;
    }
    return new Observable<ServerPayload<K>>((subscriber) => {
      const relay = (payload: unknown) => subscriber.next(payload as ServerPayload<K>);
      const set = this.listeners.get(event) ?? new Set();
      set.add(relay);
      this.listeners.set(event, set);
      this.start();
      return () => {
        set.delete(relay);
        if (set.size === 0) {
          this.listeners.delete(event);
        }
      };
    });
  }

  /** Sends an event without waiting for an answer; dropped while disconnected (typing, read marks). */
  notify<K extends 'chat:typing' | 'chat:read'>(event: K, payload: ClientPayload<K>): void {
    const socket = this.connected;
    if (socket?.connected) {
      (socket as unknown as { emit(event: K, payload: ClientPayload<K>): void }).emit(event, payload);
    }
  }

  /** Sends an event and resolves with the server's acknowledgement; rejects after ACK_TIMEOUT_MS. */
  async request<K extends ClientEvent>(event: K, payload: ClientPayload<K>): Promise<ClientAck<K>> {
    const socket = await this.connect();
    // Socket.IO's typings cannot follow a generic event name through timeout(); the contract
    // types above still pin the payload and the answer.
    const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck(event: K, payload: ClientPayload<K>): Promise<ClientAck<K>>;
    };
    return timed.emitWithAck(event, payload);
  }

  /**
   * Stage updates of one artwork for as long as the subscription lasts. Completes at once for
   * visitors who are not signed in.
   */
  stageUpdates(albumId: string): Observable<StageUpdate> {
    return this.albumEvents('stage:updated', albumId);
  }

  /**
   * Events of one kind about one artwork (its room is joined while subscribed): stage status,
   * the process film, comments. Completes at once for visitors who are not signed in.
   */
  albumEvents<K extends AlbumEvent>(event: K, albumId: string): Observable<ServerPayload<K>> {
    if (!this.session.signedIn()) {
      return EMPTY;
    }
    return new Observable<ServerPayload<K>>((subscriber) => {
      const subscription = this.on(event)
        .pipe(filter((payload) => (payload as { albumId: string }).albumId === albumId))
        .subscribe(subscriber);
      this.watch(albumId);
      return () => {
        subscription.unsubscribe();
        this.unwatch(albumId);
      };
    });
  }

  private connect(): Promise<GallerySocket> {
    if (this.socket) {
      return this.socket;
    }
    const opening = import('socket.io-client').then(({ io }) => {
      const socket: GallerySocket = io({ path: '/socket.io', transports: ['websocket'], autoConnect: false });
      let connects = 0;
      // Everything is attached before connecting: presence:snapshot comes right after the handshake.
      socket.onAny((event: ServerEvent, payload: unknown) => {
        for (const relay of [...(this.listeners.get(event) ?? [])]) {
          relay(payload);
        }
      });
      socket.on('presence:snapshot', (online) => this.onlineNow.set(online));
      socket.on('presence:update', ({ user, online }) =>
        this.onlineNow.update((users) => {
          const others = users.filter((u) => u.id !== user.id);
          return online
            ? [...others, user].sort((a, b) => a.displayName.localeCompare(b.displayName))
            : others;
        }),
      );
      // Rooms do not survive a reconnect; 'connect' fires after each one.
      socket.on('connect', () => {
        this.live.set(true);
        for (const albumId of this.watched.keys()) {
          socket.emit('album:watch', { albumId });
        }
        if (++connects > 1) {
          this.reconnected.next();
        }
      });
      socket.on('disconnect', () => this.live.set(false));
      // Signed out (or in as someone else) while the library was loading: this one stays closed.
      if (this.socket === opening) {
        this.connected = socket;
        socket.connect();
      }
      return socket;
    });
    this.socket = opening;
    return opening;
  }

  private watch(albumId: string): void {
    const count = this.watched.get(albumId) ?? 0;
    this.watched.set(albumId, count + 1);
    if (count === 0 && this.connected?.connected) {
      this.connected.emit('album:watch', { albumId });
    }
  }

  private unwatch(albumId: string): void {
    const count = (this.watched.get(albumId) ?? 1) - 1;
    if (count > 0) {
      this.watched.set(albumId, count);
      return;
    }
    this.watched.delete(albumId);
    if (this.connected?.connected) {
      this.connected.emit('album:unwatch', { albumId });
    }
  }

  private disconnect(): void {
    this.connected?.disconnect();
    this.connected = null;
    this.socket = null;
    this.live.set(false);
    this.onlineNow.set([]);
  }
}
