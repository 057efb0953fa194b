import { Injectable, effect, inject, untracked } from '@angular/core';
import type { ClientToServerEvents, ServerToClientEvents, Stage } from '@gallery/contracts';
import { EMPTY, Observable } from 'rxjs';
// The ESM typings, the same ones the dynamic import() below gets (specs compile as CommonJS).
import type { Socket } from 'socket.io-client' with { 'resolution-mode': 'import' };

import { Session } from '../auth/session';

type GallerySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A stage as the server announces it, with the artwork it belongs to. */
export type StageUpdate = Stage & { albumId: string };

/**
 * The one Socket.IO connection of the app, opened on first use and only for signed-in painters
 * (the handshake is authenticated by the session cookie; visitors rely on polling). The client
 * library is loaded on demand, so pages that never go live never download it.
 */
@Injectable({ providedIn: 'root' })
export class Realtime {
  private readonly session = inject(Session);
  private socket: Promise<GallerySocket> | null = null;
  private connected: GallerySocket | null = null;
  /** Albums watched, with how many subscribers want each; re-announced after every reconnect. */
  private readonly watched = new Map<string, number>();

  /** Another painter (or none) means another cookie: drop the connection, the next use reconnects. */
  private readonly resetOnSessionChange = effect(() => {
    this.session.me();
    untracked(() => this.disconnect());
  });

  /**
   * Stage updates of one artwork for as long as the subscription lasts. Completes at once for
   * visitors who are not signed in.
   */
  stageUpdates(albumId: string): Observable<StageUpdate> {
    if (!this.session.signedIn()) {
      return EMPTY;
    }
    return new Observable<StageUpdate>((subscriber) => {
      const relay = (stage: StageUpdate) => {
        if (stage.albumId === albumId) {
          subscriber.next(stage);
        }
      };
      const socket = this.connect();
      void socket.then((s) => s.on('stage:updated', relay)).catch(() => undefined);
      this.watch(albumId);
      return () => {
        void socket.then((s) => s.off('stage:updated', relay)).catch(() => undefined);
        this.unwatch(albumId);
      };
    });
  }

  private connect(): Promise<GallerySocket> {
    this.socket ??= import('socket.io-client').then(({ io }) => {
      const socket: GallerySocket = io({ path: '/socket.io', transports: ['websocket'] });
      // Rooms do not survive a reconnect; 'connect' fires after each one.
      socket.on('connect', () => {
        for (const albumId of this.watched.keys()) {
          socket.emit('album:watch', { albumId });
        }
      });
      this.connected = socket;
      return socket;
    });
    return this.socket;
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
  }
}
