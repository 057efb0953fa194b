import { AppError } from '../common/app-error';

export class SocialError extends AppError {}

/** The errors the like, favourite and follow routes answer with. */
export const SocialErrors = {
  followSelf: () => new SocialError('CANNOT_FOLLOW_SELF', 400, 'you cannot follow yourself'),
};
