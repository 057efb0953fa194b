/**
 * Every `code` an error body can carry: stable, upper-snake strings a client can switch on.
 * The generic ones answer for any route; the others name what went wrong in one feature.
 */
export const ERROR_CODES = [
  // Generic, chosen by HTTP status when a route has nothing more precise to say.
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INTERNAL',
  'UNAVAILABLE',
  // Security.
  'CSRF',
  'ADMIN_ONLY',
  // Accounts.
  'INVALID_CREDENTIALS',
  'USERNAME_TAKEN',
  'WRONG_PASSWORD',
  'USER_NOT_FOUND',
  'SUSPENDED',
  // Artworks and stages.
  'ARTWORK_NOT_FOUND',
  'NOT_ARTWORK_OWNER',
  'STAGE_NOT_FOUND',
  'PIN_NOT_FOUND',
  'STAGE_ORDER_INVALID',
  'STAGE_LIMIT',
  'NO_FILES',
  'DUPLICATE_UPLOAD',
  'UNSUPPORTED_IMAGE',
  'IMAGE_TOO_LARGE',
  'INVALID_CURSOR',
  // Uploads.
  'EMPTY_FILE',
  // Social.
  'CANNOT_FOLLOW_SELF',
  // Comments.
  'COMMENT_NOT_FOUND',
  'COMMENTS_OFF',
  'NOT_COMMENT_AUTHOR',
  'EDIT_WINDOW_CLOSED',
  'REPLY_TOO_DEEP',
  // Chat.
  'CONVERSATION_NOT_FOUND',
  'MESSAGE_NOT_FOUND',
  'NOT_A_MEMBER',
  'NOT_GROUP_ADMIN',
  'NOT_MESSAGE_SENDER',
  'MESSAGE_DELETED',
  'UNSUPPORTED_FILE',
  // Moderation.
  'REPORT_NOT_FOUND',
  'REPORT_ALREADY_RESOLVED',
  'ACTION_NOT_APPLICABLE',
  'CANNOT_CHANGE_OWN_ROLE',
  'LAST_ADMIN',
  'CANNOT_MODERATE_SELF',
  // Blocking.
  'CANNOT_BLOCK_SELF',
  'BLOCKED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The generic code for an HTTP status, used when an error names nothing more precise. */
export function defaultErrorCode(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  }
}
