import { HttpClient } from '@angular/common/http';
import { Injectable, PLATFORM_ID, computed, inject, signal } from '@angular/core';
import { isPlatformServer } from '@angular/common';
import type { LoginRequest, Me, RegisterRequest, SessionState } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { hasStatus } from '../api/api-error';

/**
 * Who is signed in. The one place that knows; everything else reads its signals.
 * The session itself is an httpOnly cookie, so the truth always comes from the api.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly current = signal<Me | null>(null);
  private readonly restored = signal(false);
  private readonly onServer = isPlatformServer(inject(PLATFORM_ID));

  /** The signed-in painter, or null when signed out. */
  readonly me = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  readonly username = computed(() => this.current()?.username ?? null);
  /** True once the first GET /api/auth/session has answered. */
  readonly ready = this.restored.asReadonly();

  /**
   * Asks the api who we are. Runs once at start-up: besides restoring the session, this first
   * GET makes the api set the XSRF-TOKEN cookie that every later POST/PUT/PATCH must echo.
   */
  async restore(): Promise<void> {
    if (this.onServer) {
      // The server renders signed-out visits only (backend/src/web/web-delivery.ts).
      this.restored.set(true);
      return;
    }
    try {
      // /session rather than /me: a signed-out visitor gets 200 { me: null }, not a 401 that the
      // browser would log as an error on every first page.
      this.current.set((await firstValueFrom(this.http.get<SessionState>('/api/auth/session'))).me);
    } catch {
      // An unreachable api is treated as signed out until the next attempt.
      this.current.set(null);
    } finally {
      this.restored.set(true);
    }
  }

  /** Creates an account; the api signs it in at once. */
  async register(request: RegisterRequest): Promise<Me> {
    const me = await firstValueFrom(this.http.post<Me>('/api/auth/register', request));
    this.current.set(me);
    return me;
  }

  async signIn(request: LoginRequest): Promise<Me> {
    const me = await firstValueFrom(this.http.post<Me>('/api/auth/login', request));
    this.current.set(me);
    return me;
  }

  /** Ends this session. A 401 means it had already ended, which is just as good. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>('/api/auth/logout', null));
    } catch (error) {
      if (!hasStatus(error, 401)) {
        throw error;
      }
    }
    this.current.set(null);
  }

  /** Takes the fresh copy of the signed-in user an edit answered with (profile, avatar, username). */
  update(me: Me): void {
    this.current.set(me);
  }
}
