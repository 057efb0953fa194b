import type { UserSummary } from './users';

export const STAGE_KINDS = ['sketch', 'draft', 'color', 'detail', 'final', 'other'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const STAGE_STATUSES = ['pending', 'processing', 'ready', 'failed'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export const VISIBILITIES = ['public', 'unlisted'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export interface Image {
  thumbUrl: string;
  previewUrl: string;
  width: number;
  height: number;
  /** Tiny blurred stand-in (thumbhash, base64) shown while the image loads. */
  placeholder: string | null;
  /**
   * Deep-zoom pyramid of the full resolution, for a zooming viewer (OpenSeadragon opens `url`).
   * Null until made (a background job after the stage is ready) or when the preview is already full size.
   */
  tiles: DeepZoomTiles | null;
}

export interface DeepZoomTiles {
  /** The DeepZoom descriptor (.dzi); tiles are at `<url without .dzi>_files/<level>/<x>_<y>.webp`. */
  url: string;
  format: 'dzi';
  width: number;
  height: number;
}

/** A painter's note pinned to a point of a stage's image. */
export interface Pin {
  id: string;
  stageId: string;
  /** 0..1 of the image's width, from the left. */
  x: number;
  /** 0..1 of the image's height, from the top. */
  y: number;
  /** 1–1000 characters. */
  body: string;
  createdAt: string;
}

export interface CreatePinRequest {
  x: number;
  y: number;
  body: string;
}

export interface UpdatePinRequest {
  x?: number;
  y?: number;
  body?: string;
}

export interface StageColor {
  hex: string;
  hue: number;
  weight: number;
}

export interface Stage {
  id: string;
  position: number;
  kind: StageKind;
  title: string;
  note: string;
  status: StageStatus;
  error: string | null;
  image: Image | null;
  colors: StageColor[];
  /** The painter's pinned notes, oldest first. */
  pins: Pin[];
  createdAt: string;
}

export interface Artwork {
  id: string;
  title: string;
  description: string;
  visibility: Visibility;
  /** Only the owner sees it. */
  shareCode: string | null;
  owner: UserSummary;
  cover: Image | null;
  coverStageId: string | null;
  coverPinned: boolean;
  stages: Stage[];
  likeCount: number;
  favoriteCount: number;
  likedByMe: boolean;
  favoritedByMe: boolean;
  commentCount: number;
  /** Owner settings: nobody can comment; the painter asks for critique (a prompt above the box). */
  commentsOff: boolean;
  critiqueWanted: boolean;
  createdAt: string;
  updatedAt: string;
  /**
   * Set when a moderator hid the artwork: only its owner (and admins) still see it, with this
   * reason as a banner. Absent for everyone else (they get a 404).
   */
  hidden?: { reason: string; at: string } | null;
}

export interface ArtworkCard {
  id: string;
  title: string;
  owner: UserSummary;
  cover: Image | null;
  stageCount: number;
  likeCount: number;
  commentCount: number;
  /** Filled for the owner. */
  visibility?: Visibility;
  /** Whether the signed-in viewer likes / keeps it; false for anonymous viewers. */
  likedByMe: boolean;
  favoritedByMe: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateArtworkRequest {
  title: string;
  description?: string;
  visibility?: Visibility;
}

export interface UpdateArtworkRequest {
  title?: string;
  description?: string;
  visibility?: Visibility;
  coverStageId?: string | null;
  commentsOff?: boolean;
  critiqueWanted?: boolean;
}

export interface UpdateStageRequest {
  title?: string;
  note?: string;
  kind?: StageKind;
}

export interface ReorderStagesRequest {
  stageIds: string[];
}

export interface UploadStagesResponse {
  stages: Stage[];
}

export interface LikeState {
  likeCount: number;
  likedByMe: boolean;
}

export interface FavoriteState {
  favoriteCount: number;
  favoritedByMe: boolean;
}

export type ArtworkSort = 'recent' | 'popular';

export interface SearchResult {
  albums: ArtworkCard[];
  users: UserSummary[];
}
