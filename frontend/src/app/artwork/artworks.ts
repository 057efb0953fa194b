import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Artwork,
  ArtworkCard,
  ArtworkSort,
  CreateArtworkRequest,
  CreatePinRequest,
  Page,
  Pin,
  Stage,
  UpdateArtworkRequest,
  UpdatePinRequest,
  UpdateStageRequest,
  UploadStagesResponse,
} from '@gallery/contracts';
import type { Observable } from 'rxjs';

/**
 * The artworks api (albums and their stages), one method per route. Observables on purpose:
 * this is the edge where RxJS lives; the stores above turn answers into signals.
 */
@Injectable({ providedIn: 'root' })
export class Artworks {
  private readonly http = inject(HttpClient);

  create(request: CreateArtworkRequest): Observable<Artwork> {
    return this.http.post<Artwork>('/api/albums', request);
  }

  get(id: string): Observable<Artwork> {
    return this.http.get<Artwork>(`/api/albums/${encodeURIComponent(id)}`);
  }

  /** An artwork opened through its share link, listed or not. */
  shared(code: string): Observable<Artwork> {
    return this.http.get<Artwork>(`/api/shared/${encodeURIComponent(code)}`);
  }

  update(id: string, changes: UpdateArtworkRequest): Observable<Artwork> {
    return this.http.patch<Artwork>(`/api/albums/${encodeURIComponent(id)}`, changes);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`/api/albums/${encodeURIComponent(id)}`);
  }

  /** A painter's artworks, newest first; pass the previous page's nextCursor for the next. */
  byPainter(username: string, cursor: string | null, limit = 24): Observable<Page<ArtworkCard>> {
    let params = new HttpParams().set('limit', limit);
    if (cursor) {
      params = params.set('cursor', cursor);
    }
    return this.http.get<Page<ArtworkCard>>(`/api/users/${encodeURIComponent(username)}/albums`, {
      params,
    });
  }

  /**
   * Public artworks that have a cover, newest or most popular first; with `hue` (0–359), only
   * those with a colour within ±15° of it, the most of that colour first.
   */
  explore(
    sort: ArtworkSort,
    hue: number | null,
    cursor: string | null,
    limit = 24,
  ): Observable<Page<ArtworkCard>> {
    let params = new HttpParams().set('sort', sort).set('limit', limit);
    if (hue !== null) {
      params = params.set('hue', hue);
    }
    if (cursor) {
      params = params.set('cursor', cursor);
    }
    return this.http.get<Page<ArtworkCard>>('/api/albums', { params });
  }

  /**
   * Sends up to LIMITS.filesPerUpload images as new stages. Emits every HTTP event, upload
   * progress included, so the caller can draw a progress bar.
   */
  uploadStages(albumId: string, files: readonly File[]): Observable<HttpEvent<UploadStagesResponse>> {
    const body = new FormData();
    for (const file of files) {
      body.append('files', file, file.name);
    }
    return this.http.post<UploadStagesResponse>(`${this.stagesUrl(albumId)}`, body, {
      reportProgress: true,
      observe: 'events',
    });
  }

  updateStage(albumId: string, stageId: string, changes: UpdateStageRequest): Observable<Stage> {
    return this.http.patch<Stage>(`${this.stagesUrl(albumId)}/${encodeURIComponent(stageId)}`, changes);
  }

  deleteStage(albumId: string, stageId: string): Observable<void> {
    return this.http.delete<void>(`${this.stagesUrl(albumId)}/${encodeURIComponent(stageId)}`);
  }

  /** Processes a failed stage again. */
  retryStage(albumId: string, stageId: string): Observable<Stage> {
    return this.http.post<Stage>(`${this.stagesUrl(albumId)}/${encodeURIComponent(stageId)}/retry`, null);
  }

  /** `stageIds` must be exactly the artwork's current stages, in the new order. */
  reorderStages(albumId: string, stageIds: readonly string[]): Observable<Stage[]> {
    return this.http.put<Stage[]>(`${this.stagesUrl(albumId)}/order`, { stageIds });
  }

  /** Pins a note to a point of the stage's image (x, y: 0..1 of the image). The painter only. */
  addPin(albumId: string, stageId: string, request: CreatePinRequest): Observable<Pin> {
    return this.http.post<Pin>(this.pinsUrl(albumId, stageId), request);
  }

  updatePin(albumId: string, stageId: string, pinId: string, changes: UpdatePinRequest): Observable<Pin> {
    return this.http.patch<Pin>(`${this.pinsUrl(albumId, stageId)}/${encodeURIComponent(pinId)}`, changes);
  }

  deletePin(albumId: string, stageId: string, pinId: string): Observable<void> {
    return this.http.delete<void>(`${this.pinsUrl(albumId, stageId)}/${encodeURIComponent(pinId)}`);
  }

  private pinsUrl(albumId: string, stageId: string): string {
    return `${this.stagesUrl(albumId)}/${encodeURIComponent(stageId)}/pins`;
  }

  private stagesUrl(albumId: string): string {
    return `/api/albums/${encodeURIComponent(albumId)}/stages`;
  }
}
