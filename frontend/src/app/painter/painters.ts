import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Profile } from '@gallery/contracts';
import type { Observable } from 'rxjs';

/** Public information about painters. */
@Injectable({ providedIn: 'root' })
export class Painters {
  private readonly http = inject(HttpClient);

  profile(username: string): Observable<Profile> {
    return this.http.get<Profile>(`/api/users/${encodeURIComponent(username)}`);
  }
}
