import type { ErrorCode } from './errors';
import type { Stage } from './artworks';
import type { Conversation, Message, MessageRemoved } from './chat';
import type { Timelapse } from './process';
import type { Comment, CommentDeleted, Notification, UnreadCount } from './conversation';
import type { UserSummary } from './users';

/** Acknowledgement every client event answers with. */
export type Ack<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: string; code: ErrorCode };

/** Events the server sends; the gateway may emit nothing else. */
export interface ServerToClientEvents {
  'chat:message': (message: Message) => void;
  /** A message was edited or its reactions changed. */
  'chat:updated': (message: Message) => void;
  /** A message was deleted (tombstone) or, with `removed`, removed by a moderator. */
  'chat:removed': (payload: MessageRemoved) => void;
  'chat:typing': (payload: { conversationId: string; user: UserSummary }) => void;
  'chat:read': (payload: { conversationId: string; userId: string; messageId: string }) => void;
  'conversation:updated': (conversation: Conversation) => void;
  'presence:snapshot': (online: UserSummary[]) => void;
  'presence:update': (payload: { user: UserSummary; online: boolean }) => void;
  'stage:updated': (stage: Stage & { albumId: string }) => void;
  'timelapse:updated': (timelapse: Timelapse & { albumId: string }) => void;
  'comment:created': (comment: Comment) => void;
  'comment:updated': (comment: Comment) => void;
  'comment:deleted': (payload: CommentDeleted) => void;
  notification: (notification: Notification) => void;
  'notification:count': (payload: UnreadCount) => void;
}

/** Events clients send, each with an acknowledgement callback. */
export interface ClientToServerEvents {
  'chat:send': (
    payload: { conversationId: string; body: string; replyToId?: string },
    ack: (result: Ack<{ message: Message }>) => void,
  ) => void;
  'chat:typing': (payload: { conversationId: string }, ack?: (result: Ack) => void) => void;
  'chat:read': (payload: { conversationId: string; messageId: string }, ack?: (result: Ack) => void) => void;
  'album:watch': (payload: { albumId: string }, ack?: (result: Ack) => void) => void;
  'album:unwatch': (payload: { albumId: string }, ack?: (result: Ack) => void) => void;
}

/** Rooms a socket can be in. */
export const ROOMS = {
  public: 'public',
  user: (id: string) => `user:${id}`,
  album: (id: string) => `album:${id}`,
  conversation: (id: string) => `conversation:${id}`,
} as const;
