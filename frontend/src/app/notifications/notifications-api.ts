import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationPage, NotificationSettings, UnreadCount } from '@gallery/contracts';
import type { Observable } from 'rxjs';

/** The notification routes, one method each. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(cursor: string | null, limit = 30): Observable<NotificationPage> {
    let params = new HttpParams().set('limit', limit);
    if (cursor) {
      params = params.set('cursor', cursor);
    }
    return this.http.get<NotificationPage>('/api/notifications', { params });
  }

  markRead(ids?: string[]): Observable<UnreadCount> {
    return this.http.post<UnreadCount>('/api/notifications/read', ids ? { ids } : {});
  }

  settings(): Observable<NotificationSettings> {
    return this.http.get<NotificationSettings>('/api/users/me/notification-settings');
  }

  saveSettings(changes: Partial<NotificationSettings>): Observable<NotificationSettings> {
    return this.http.put<NotificationSettings>('/api/users/me/notification-settings', changes);
  }
}
