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

export interface Message {
  id: string;
  conversationId: string;
  sender: UserSummary;
  body: string;
  attachment: Attachment | null;
  createdAt: string;
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
}
