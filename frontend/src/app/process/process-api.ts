import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { LookupResult, Provenance, Timelapse } from '@gallery/contracts';
import type { Observable } from 'rxjs';

/** The proof-of-process api (issue #16): the film, the signed record, and lookup by image. */
@Injectable({ providedIn: 'root' })
export class ProcessApi {
  private readonly http = inject(HttpClient);

  timelapse(albumId: string): Observable<Timelapse> {
    return this.http.get<Timelapse>(`/api/albums/${encodeURIComponent(albumId)}/timelapse`);
  }

  provenance(albumId: string): Observable<Provenance> {
    return this.http.get<Provenance>(`/api/albums/${encodeURIComponent(albumId)}/provenance`);
  }

  /** Which public stage is this image? */
  lookup(file: File): Observable<LookupResult> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<LookupResult>('/api/lookup', form);
  }
}

/** The page others paste into theirs: the film with a link back. */
export function embedSnippet(origin: string, albumId: string, title: string, film: Timelapse): string {
  const src = `${origin}/api/embed/a/${encodeURIComponent(albumId)}`;
  const width = Math.min(film.width || 640, 640);
  const height = film.width ? Math.round((width * film.height) / film.width) + 40 : 400;
  const label = `The process of ${title}`.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<iframe src="${src}" width="${width}" height="${height}" title="${label}" loading="lazy" style="border:0"></iframe>`;
}
