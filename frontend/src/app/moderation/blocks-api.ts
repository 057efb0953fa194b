import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BlockedUser } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

/** Blocking painters: /api/users/:username/block and /api/users/me/blocks. */
@Injectable({ providedIn: 'root' })
export class BlocksApi {
  private readonly http = inject(HttpClient);

  list(): Promise<BlockedUser[]> {
    return firstValueFrom(this.http.get<BlockedUser[]>('/api/users/me/blocks'));
  }

  async block(username: string): Promise<void> {
    await firstValueFrom(this.http.put(`/api/users/${encodeURIComponent(username)}/block`, null));
  }

  async unblock(username: string): Promise<void> {
    await firstValueFrom(this.http.delete(`/api/users/${encodeURIComponent(username)}/block`));
  }
}
