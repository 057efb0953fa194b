import { AppError } from '../common/app-error';

export class CommentError extends AppError {}

/** The errors the comment routes answer with. */
export const CommentErrors = {
  notFound: () => new CommentError('COMMENT_NOT_FOUND', 404, 'no such comment'),
  off: () => new CommentError('COMMENTS_OFF', 403, 'the painter has turned comments off for this artwork'),
  notAuthor: () => new CommentError('NOT_COMMENT_AUTHOR', 403, 'only its author can edit a comment'),
  cannotDelete: () =>
    new CommentError('NOT_COMMENT_AUTHOR', 403, 'only its author or the painter can delete a comment'),
  windowClosed: (minutes: number) =>
    new CommentError('EDIT_WINDOW_CLOSED', 403, `comments can be edited for ${minutes} minutes only`),
  tooDeep: () => new CommentError('REPLY_TOO_DEEP', 400, 'reply to the top-level comment, not to a reply'),
  stageNotFound: () => new CommentError('STAGE_NOT_FOUND', 404, 'that stage is not part of this artwork'),
  badCursor: () =>
    new CommentError('INVALID_CURSOR', 400, 'cursor is not valid; pass nextCursor from the previous page'),
  pointWithoutStage: () =>
    new CommentError('VALIDATION_FAILED', 400, 'x and y go together, and only with a stageId'),
};
