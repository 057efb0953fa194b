import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ArtworkCard, FavoriteState, FollowState, LikeState, Page } from '@gallery/contracts';
import type { Observable } from 'rxjs';

/**
 * The social api: likes, favourites, follows, and the lists they make (my favourites, the feed
 * of painters I follow). One method per route; the stores above turn answers into signals.
 */
@Injectable({ providedIn: 'root' })
export class Social {
  private readonly http = inject(HttpClient);

  /** Likes (`on`) or unlikes an artwork; both are idempotent. */
  like(albumId: string, on: boolean): Observable<LikeState> {
    const url = `/api/albums/${encodeURIComponent(albumId)}/like`;
    return on ? this.http.put<LikeState>(url, null) : this.http.delete<LikeState>(url);
  }

  /** Adds an artwork to my favourites (`on`) or takes it out; both are idempotent. */
  favorite(albumId: string, on: boolean): Observable<FavoriteState> {
    const url = `/api/albums/${encodeURIComponent(albumId)}/favorite`;
    return on ? this.http.put<FavoriteState>(url, null) : this.http.delete<FavoriteState>(url);
  }

  /** Follows (`on`) or stops following a painter; both are idempotent. */
  follow(username: string, on: boolean): Observable<FollowState> {
    const url = `/api/users/${encodeURIComponent(username)}/follow`;
    return on ? this.http.put<FollowState>(url, null) : this.http.delete<FollowState>(url);
  }

  /** My favourites, most recently favourited first. */
  favorites(cursor: string | null, limit = 24): Observable<Page<ArtworkCard>> {
    return this.http.get<Page<ArtworkCard>>('/api/users/me/favorites', { params: pageParams(cursor, limit) });
  }

  /** Works of the painters I follow, latest activity first. */
  feed(cursor: string | null, limit = 24): Observable<Page<ArtworkCard>> {
    return this.http.get<Page<ArtworkCard>>('/api/feed', { params: pageParams(cursor, limit) });
  }
}

function pageParams(cursor: string | null, limit: number): HttpParams {
  const params = new HttpParams().set('limit', limit);
  return cursor ? params.set('cursor', cursor) : params;
}
