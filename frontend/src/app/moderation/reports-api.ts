import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateReportRequest, Report } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

/** POST /api/reports: `created` false when this person already has an open report on the target. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  async report(request: CreateReportRequest): Promise<{ report: Report; created: boolean }> {
    const res = await firstValueFrom(
      this.http.post<Report>('/api/reports', request, { observe: 'response' }),
    );
    return { report: res.body!, created: res.status === 201 };
  }
}
