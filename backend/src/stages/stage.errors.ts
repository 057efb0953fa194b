import { AppError } from '../common/app-error';

export class StageError extends AppError {}

/** The errors the stage routes answer with. */
export const StageErrors = {
  notFound: () => new StageError('STAGE_NOT_FOUND', 404, 'no such stage in this artwork'),
  pinNotFound: () => new StageError('PIN_NOT_FOUND', 404, 'no such pin on this stage'),
  badOrder: () =>
    new StageError('STAGE_ORDER_INVALID', 400, "stageIds must list exactly the artwork's current stages"),
  noFiles: () => new StageError('NO_FILES', 400, 'attach 1 to 20 images in the "files" field'),
  duplicateUpload: () =>
    new StageError('DUPLICATE_UPLOAD', 400, 'this image is already being added to the artwork'),
  unsupported: (message: string) => new StageError('UNSUPPORTED_IMAGE', 415, message),
  tooLarge: (message: string) => new StageError('IMAGE_TOO_LARGE', 413, message),
};
