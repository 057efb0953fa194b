import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Artwork, Comment, CreateCommentRequest, Page } from '@gallery/contracts';
import type { Observable } from 'rxjs';

/** The comment routes, one method each. */
@Injectable({ providedIn: 'root' })
export class CommentsApi {
  private readonly http = inject(HttpClient);

  list(albumId: string, cursor: string | null, limit = 50): Observable<Page<Comment>> {
    let params = new HttpParams().set('limit', limit);
    if (cursor) {
      params = params.set('cursor', cursor);
    }
    return this.http.get<Page<Comment>>(`/api/albums/${encodeURIComponent(albumId)}/comments`, { params });
  }

  replies(commentId: string): Observable<Page<Comment>> {
    return this.http.get<Page<Comment>>(`/api/comments/${encodeURIComponent(commentId)}/replies`, {
      params: new HttpParams().set('limit', 100),
    });
  }

  create(albumId: string, request: CreateCommentRequest): Observable<Comment> {
    return this.http.post<Comment>(`/api/albums/${encodeURIComponent(albumId)}/comments`, request);
  }

  edit(id: string, body: string): Observable<Comment> {
    return this.http.patch<Comment>(`/api/comments/${encodeURIComponent(id)}`, { body });
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/comments/${encodeURIComponent(id)}`);
  }

  settings(
    albumId: string,
    changes: { commentsOff?: boolean; critiqueWanted?: boolean },
  ): Observable<Artwork> {
    return this.http.patch<Artwork>(`/api/albums/${encodeURIComponent(albumId)}`, changes);
  }
}
