import { AppError } from '../common/app-error';

export class ArtworkError extends AppError {}

/** The errors the artwork routes answer with. */
export const ArtworkErrors = {
  /** Absent, or unlisted and not yours: the two look the same from outside. */
  notFound: () => new ArtworkError('ARTWORK_NOT_FOUND', 404, 'no artwork here'),
  sharedNotFound: () => new ArtworkError('ARTWORK_NOT_FOUND', 404, 'no artwork with that share link'),
  notOwner: () => new ArtworkError('NOT_ARTWORK_OWNER', 403, 'only the painter can change this artwork'),
  coverNotInArtwork: () => new ArtworkError('STAGE_NOT_FOUND', 404, 'that stage is not part of this artwork'),
  painterNotFound: () => new ArtworkError('USER_NOT_FOUND', 404, 'no painter by that name'),
};
