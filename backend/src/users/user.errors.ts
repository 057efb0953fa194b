import { AppError } from '../common/app-error';

export class UserError extends AppError {}

/** The errors the account and profile routes answer with. */
export const UserErrors = {
  notFound: () => new UserError('USER_NOT_FOUND', 404, 'no painter by that name'),
  usernameTaken: () => new UserError('USERNAME_TAKEN', 409, 'username is taken'),
  fileRequired: () => new UserError('VALIDATION_FAILED', 400, 'file is required'),
  lastAdmin: () => new UserError('LAST_ADMIN', 409, 'the instance needs at least one admin'),
  wrongPassword: () => new UserError('WRONG_PASSWORD', 403, 'current password is wrong'),
};
