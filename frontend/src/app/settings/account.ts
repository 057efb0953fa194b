import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChangePasswordRequest, Me, UpdateProfileRequest } from '@gallery/contracts';
import { type Observable, firstValueFrom } from 'rxjs';

import { Session } from '../auth/session';

/** Edits to the signed-in painter's own account; each keeps the session's copy current. */
@Injectable({ providedIn: 'root' })
export class Account {
  private readonly http = inject(HttpClient);
  private readonly session = inject(Session);

  /** Display name, bio or username. */
  async updateProfile(changes: UpdateProfileRequest): Promise<Me> {
    return this.adopt(this.http.patch<Me>('/api/users/me', changes));
  }

  async uploadAvatar(file: File): Promise<Me> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.adopt(this.http.put<Me>('/api/users/me/avatar', body));
  }

  /** Other sessions end; this one stays signed in. */
  async changePassword(request: ChangePasswordRequest): Promise<void> {
    await firstValueFrom(this.http.put<void>('/api/users/me/password', request));
  }

  private async adopt(request: Observable<Me>): Promise<Me> {
    const me = await firstValueFrom(request);
    this.session.update(me);
    return me;
  }
}
