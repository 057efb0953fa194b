import { AppError } from '../common/app-error';

export class AdminError extends AppError {}

/** The errors the admin routes answer with (besides validation's 400 and the guard's 401/403). */
export const AdminErrors = {
  reportNotFound: () => new AdminError('REPORT_NOT_FOUND', 404, 'no such report'),
  alreadyResolved: () => new AdminError('REPORT_ALREADY_RESOLVED', 409, 'this report is already resolved'),
  targetGone: () => new AdminError('NOT_FOUND', 404, 'the reported target no longer exists'),
  notApplicable: (action: string, kind: string) =>
    new AdminError('ACTION_NOT_APPLICABLE', 400, `"${action}" does not apply to a reported ${kind}`),
  userNotFound: () => new AdminError('USER_NOT_FOUND', 404, 'no painter by that name'),
  artworkNotFound: () => new AdminError('ARTWORK_NOT_FOUND', 404, 'no such artwork'),
  stageNotFound: () => new AdminError('STAGE_NOT_FOUND', 404, 'no such stage'),
  messageNotFound: () => new AdminError('MESSAGE_NOT_FOUND', 404, 'no such message'),
  ownRole: () => new AdminError('CANNOT_CHANGE_OWN_ROLE', 400, 'you cannot change your own role'),
  moderateSelf: () => new AdminError('CANNOT_MODERATE_SELF', 400, 'you cannot suspend yourself'),
  reasonRequired: () => new AdminError('VALIDATION_FAILED', 400, 'reason is required'),
};
