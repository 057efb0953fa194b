import type { UserSummary } from './users';

export type ConversationKind = 'public' | 'direct' | 'group';
export type MemberRole = 'admin' | 'member';

/** Id of the public room in routes such as /api/chat/conversations/public/messages. */
export const PUBLIC_ROOM_ID = 'public';

/**
 * The public room's unreadCount stops here (the room's history is long): this many means "this
 * many or more".
 */
export const PUBLIC_UNREAD_CAP = 99;

export interface Attachment {
  url: string;
  name: string;
  mime: string;
  bytes: number;
  width?: number;
  height?: number;
  thumbUrl?: string;
}

/** The reactions a message can get: a small fixed set (PUT /api/chat/messages/:id/reactions/:emoji). */
export const CHAT_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🎨'] as const;
export type ChatReaction = (typeof CHAT_REACTIONS)[number];

/** Longest excerpt of a quoted message (replies, pins). */
export const QUOTE_EXCERPT_MAX = 140;

/** A message quoted by a reply or listed as pinned: who wrote it and the start of its text. */
export interface MessageQuote {
  id: string;
  sender: UserSummary;
  /** At most QUOTE_EXCERPT_MAX characters; an attachment's file name when it has no text; '' once deleted. */
  body: string;
  deleted: boolean;
}

export interface ReactionCount {
  emoji: ChatReaction;
  count: number;
  /**
   * Whether the reader reacted with it. Socket events go to a whole room and carry false: clients
   * derive it from `users`.
   */
  mine: boolean;
  /** Who reacted, first reaction first (for "names on hover"). */
  users: { id: string; displayName: string }[];
}

/** A painter named with @username in a group or the public room. */
export interface Mention {
  id: string;
  username: string;
}

export interface Message {
  id: string;
  conversationId: string;
  sender: UserSummary;
  /** '' once deleted or removed. */
  body: string;
  attachment: Attachment | null;
  createdAt: string;
  /** Set when the sender edited the body. */
  editedAt: string | null;
  /** Set when the message was deleted: a tombstone with no body, attachment, reactions or mentions. */
  deletedAt: string | null;
  replyTo: MessageQuote | null;
  reactions: ReactionCount[];
  mentions: Mention[];
  /** A moderator removed it: body is empty and attachment null. */
  removed?: boolean;
  /** The viewer blocked its sender: clients collapse it. */
  blockedSender?: boolean;
}

export interface ConversationMember extends UserSummary {
  role: MemberRole;
  /**
   * The newest message this member has read (null: none yet). Ids are UUIDv7 and sort by time,
   * so every message with an id up to this one counts as seen by them.
   */
  lastReadId: string | null;
}

export interface Conversation {
  id: string;
  kind: ConversationKind;
  name: string | null;
  members: ConversationMember[];
  lastMessage: Message | null;
  unreadCount: number;
  /** Groups: messages pinned by an admin, oldest pin first (always empty elsewhere). */
  pinned: MessageQuote[];
}

export interface OpenDirectRequest {
  username: string;
}

export interface CreateGroupRequest {
  name: string;
  usernames: string[];
}

export interface SendMessageRequest {
  body: string;
  /** A message of the same conversation this one answers. */
  replyToId?: string;
}

export interface EditMessageRequest {
  body: string;
}

/** GET /api/chat/search?q= */
export interface ChatSearchResult {
  items: Message[];
}

/** Payload of the chat:removed socket event. */
/**
 * chat:removed: a message became a placeholder for everyone. Its sender (or a group admin) deleted
 * it, a tombstone; or, with `removed`, a moderator removed it.
 */
export interface MessageRemoved {
  conversationId: string;
  messageId: string;
  /** A moderator removed it (show "removed by a moderator"); absent when it was deleted. */
  removed?: true;
}
