import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { LIMITS, type SearchResult } from '@gallery/contracts';
import type { Observable } from 'rxjs';

/** The search api: public artworks and painters matching what was typed. */
@Injectable({ providedIn: 'root' })
export class Search {
  private readonly http = inject(HttpClient);

  /** `query` must be 1–100 characters (see {@link searchable}). */
  find(query: string): Observable<SearchResult> {
    return this.http.get<SearchResult>('/api/search', { params: { q: query } });
  }
}

/** What of a typed text is worth sending: trimmed, cut to the api's limit, or null when empty. */
export function searchable(text: string): string | null {
  const query = text.trim().slice(0, LIMITS.searchQuery.max).trim();
  return query.length >= LIMITS.searchQuery.min ? query : null;
}
