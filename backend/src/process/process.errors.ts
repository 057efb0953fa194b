import { AppError } from '../common/app-error';

export class ProcessError extends AppError {}

/** The errors the process routes (provenance, lookup, timelapse) answer with. */
export const ProcessErrors = {
  noFile: () => new ProcessError('NO_FILES', 400, 'attach one image in the "file" field'),
  unsupported: (message: string) => new ProcessError('UNSUPPORTED_IMAGE', 415, message),
  tooLarge: (message: string) => new ProcessError('IMAGE_TOO_LARGE', 413, message),
};
