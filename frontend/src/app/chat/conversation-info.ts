import {
  type Conversation,
  type ConversationMember,
  type Message,
  PUBLIC_UNREAD_CAP,
} from '@gallery/contracts';

/** The name a conversation goes by: the room, the group, or the other painter in a direct chat. */
export function conversationTitle(conversation: Conversation, meId: string | null): string {
  if (conversation.kind === 'public') {
    return conversation.name ?? 'Public room';
  }
  if (conversation.kind === 'direct') {
    return conversationPeer(conversation, meId)?.displayName ?? 'Direct conversation';
  }
  return conversation.name ?? 'Group';
}

/** The other painter of a direct conversation (null for rooms and groups). */
export function conversationPeer(conversation: Conversation, meId: string | null): ConversationMember | null {
  if (conversation.kind !== 'direct') {
    return null;
  }
  return conversation.members.find((member) => member.id !== meId) ?? conversation.members[0] ?? null;
}

/** True when the painter belongs to the conversation (everyone is in the public room). */
export function isMember(conversation: Conversation, meId: string): boolean {
  return conversation.kind === 'public' || conversation.members.some((member) => member.id === meId);
}

/**
 * The unread badge's text: the count, or "99+" past what fits. The public room's count stops at
 * PUBLIC_UNREAD_CAP, which means "that many or more".
 */
export function unreadBadge(conversation: Conversation): string {
  const count = conversation.unreadCount;
  const more = conversation.kind === 'public' ? count >= PUBLIC_UNREAD_CAP : count > 99;
  return more ? '99+' : String(count);
}

/** One line for the conversation list: who said what, or what they sent. */
export function messagePreview(
  message: Message | null,
  conversation: Conversation,
  meId: string | null,
): string {
  if (!message) {
    return conversation.kind === 'group' ? 'No messages yet' : 'Say hello';
  }
  // As the thread shows it: collapsed, without its text (the list is on screen more often).
  if (message.blockedSender) return 'Message from someone you blocked';
  const what = message.removed
    ? 'Removed by a moderator'
    : message.deletedAt
      ? 'Message deleted'
      : message.body.trim()
        ? message.body.replace(/\s+/g, ' ').trim()
        : message.attachment
          ? `${message.attachment.mime.startsWith('image/') ? 'Sent a picture' : 'Sent a file'}: ${message.attachment.name}`
          : '';
  if (message.sender.id === meId) {
    return `You: ${what}`;
  }
  return conversation.kind === 'direct' ? what : `${firstName(message.sender.displayName)}: ${what}`;
}

/** "Anna" of "Anna Petrova"; display names have no fixed form, so only the first word. */
export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] || displayName;
}

/**
 * When, for the conversation list: the time today, the weekday within the last week, the date
 * before that.
 */
export function listTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (sameDay(at, now)) {
    return at.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  }
  const days = Math.round((startOfDay(now) - startOfDay(at)) / DAY_MS);
  if (days < 7) {
    return at.toLocaleDateString(undefined, { weekday: 'short' });
  }
  return at.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(at.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
}

/** Bytes as a person reads them: 812 B, 14 KB, 3.2 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  const kb = bytes / 1024;
  if (kb < 1024) {
    return `${Math.round(kb)} KB`;
  }
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

export function sameDay(a: Date, b: Date): boolean {
  return startOfDay(a) === startOfDay(b);
}
