import { AppError } from '../common/app-error';

export class ChatError extends AppError {}

/** The errors the chat routes and socket events answer with. */
export const ChatErrors = {
  /** Absent, or one you are not in: outsiders cannot probe ids. */
  conversationNotFound: () => new ChatError('CONVERSATION_NOT_FOUND', 404, 'no such conversation'),
  messageNotFound: () => new ChatError('MESSAGE_NOT_FOUND', 404, 'no such message in this conversation'),
  messageSelf: () => new ChatError('BAD_REQUEST', 400, 'you cannot message yourself'),
  unknownPainters: (names: string[]) =>
    new ChatError('USER_NOT_FOUND', 404, `no painter named ${names.join(', ')}`),
  notInGroup: (username: string) => new ChatError('NOT_A_MEMBER', 404, `${username} is not in this group`),
  notAGroup: (message = 'this is not a group') => new ChatError('BAD_REQUEST', 400, message),
  notGroupAdmin: (message = 'only group admins can do that') =>
    new ChatError('NOT_GROUP_ADMIN', 403, message),
  publicRoomUndeletable: () => new ChatError('BAD_REQUEST', 400, 'the public room cannot be deleted'),
  notSender: (message = 'only its sender can do that') => new ChatError('NOT_MESSAGE_SENDER', 403, message),
  messageDeleted: () => new ChatError('MESSAGE_DELETED', 409, 'this message was deleted'),
  replyElsewhere: () =>
    new ChatError('MESSAGE_NOT_FOUND', 404, 'replyToId must be a message of the same conversation'),
  fileRequired: () => new ChatError('VALIDATION_FAILED', 400, 'file is required'),
  /** Too many messages: a 429 for REST (with Retry-After), an ack error for sockets. */
  rateLimited: (retryAfter: number) =>
    new ChatError('RATE_LIMITED', 429, `too many messages, try again in ${retryAfter} seconds`, retryAfter),
};
