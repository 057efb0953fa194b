import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AdminStats,
  AdminUser,
  AdminUserStatus,
  Artwork,
  AuditEntry,
  Page,
  ReportAction,
  ReportQueueItem,
  ReportStatus,
  Role,
} from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

/** The admin api (`/api/admin/*`), one method per route, as Swagger documents it. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  reports(status: ReportStatus, cursor?: string): Promise<Page<ReportQueueItem>> {
    let params = new HttpParams().set('status', status);
    if (cursor) params = params.set('cursor', cursor);
    return firstValueFrom(this.http.get<Page<ReportQueueItem>>('/api/admin/reports', { params }));
  }

  resolve(id: string, action: ReportAction, note?: string): Promise<ReportQueueItem> {
    return firstValueFrom(
      this.http.post<ReportQueueItem>(`/api/admin/reports/${encodeURIComponent(id)}/resolve`, {
        action,
        ...(note ? { note } : {}),
      }),
    );
  }

  setHidden(albumId: string, hidden: boolean, reason?: string): Promise<Artwork> {
    return firstValueFrom(
      this.http.put<Artwork>(`/api/admin/albums/${encodeURIComponent(albumId)}/hidden`, {
        hidden,
        ...(reason ? { reason } : {}),
      }),
    );
  }

  users(q: string, status?: AdminUserStatus, cursor?: string): Promise<Page<AdminUser>> {
    let params = new HttpParams().set('q', q);
    if (status) params = params.set('status', status);
    if (cursor) params = params.set('cursor', cursor);
    return firstValueFrom(this.http.get<Page<AdminUser>>('/api/admin/users', { params }));
  }

  setSuspension(username: string, suspended: boolean, reason?: string): Promise<AdminUser> {
    return firstValueFrom(
      this.http.put<AdminUser>(`/api/admin/users/${encodeURIComponent(username)}/suspension`, {
        suspended,
        ...(reason ? { reason } : {}),
      }),
    );
  }

  setRole(username: string, role: Role): Promise<AdminUser> {
    return firstValueFrom(
      this.http.put<AdminUser>(`/api/admin/users/${encodeURIComponent(username)}/role`, { role }),
    );
  }

  audit(cursor?: string): Promise<Page<AuditEntry>> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return firstValueFrom(this.http.get<Page<AuditEntry>>('/api/admin/audit', { params }));
  }

  stats(): Promise<AdminStats> {
    return firstValueFrom(this.http.get<AdminStats>('/api/admin/stats'));
  }
}
