import type { ConversationMember, Message, ReactionCount } from '@gallery/contracts';

import { compareIds } from './merge';

/**
 * Pure helpers for what happens to messages after they are sent: edits and reactions
 * (chat:updated), deletions (chat:removed), my reaction toggles, @mention highlighting and the
 * group read receipts ("Seen by 3").
 */

/**
 * A message as chat:updated sends it: a room event cannot say whose reaction is whose, so
 * `mine` comes from the reaction's users.
 */
export function withMine(message: Message, meId: string | null): Message {
  return {
    ...message,
    reactions: message.reactions.map((r) => ({ ...r, mine: !!meId && r.users.some((u) => u.id === meId) })),
  };
}

/** Replaces a loaded message by its updated copy; quotes of it in replies follow its text. */
export function applyUpdate(messages: readonly Message[], updated: Message): Message[] {
  return messages.map((m) => {
    if (m.id === updated.id) {
      return updated;
    }
    if (m.replyTo?.id === updated.id && !updated.deletedAt && !updated.removed) {
      return {
        ...m,
        replyTo: { ...m.replyTo, body: excerpt(updated.body || updated.attachment?.name || '') },
      };
    }
    return m;
  });
}

/**
 * A deleted message becomes a tombstone ("This message was deleted"), or, `removed` by a moderator,
 * a "Removed by a moderator" placeholder; replies quoting it say so.
 */
export function applyRemoval(
  messages: readonly Message[],
  messageId: string,
  at = new Date(),
  removed = false,
): Message[] {
  return messages.map((m) => {
    if (m.id === messageId) {
      if (m.deletedAt || m.removed) {
        return m;
      }
      const gone = { ...m, body: '', attachment: null, reactions: [], mentions: [], replyTo: null };
      return removed ? { ...gone, removed: true } : { ...gone, deletedAt: at.toISOString() };
    }
    if (m.replyTo?.id === messageId) {
      return { ...m, replyTo: { ...m.replyTo, body: '', deleted: true } };
    }
    return m;
  });
}

/** Whether a click on the chip adds my reaction or takes it back. */
export function reactionIsMine(message: Message, emoji: string): boolean {
  return message.reactions.some((r) => r.emoji === emoji && r.mine);
}

/** "Anna Petrova, Ben Okafor" — who reacted, for the chip's title. */
export function reactionNames(reaction: ReactionCount): string {
  return reaction.users.map((u) => u.displayName).join(', ');
}

/** At most 140 characters, like the api's quotes. */
export function excerpt(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface TextPart {
  readonly text: string;
  /** An @mention of a painter the api resolved; `me` when it names the reader. */
  readonly mention?: { readonly username: string; readonly me: boolean };
}

/** Splits text at the @usernames the api recognised as mentions (others stay plain text). */
export function mentionParts(
  text: string,
  mentions: Message['mentions'],
  meUsername: string | null,
): TextPart[] {
  if (!mentions.length) {
    return [{ text }];
  }
  const names = new Set(mentions.map((m) => m.username.toLowerCase()));
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(/(?<![\p{L}\p{N}_@.])@([a-z0-9_]{3,30})(?![a-z0-9_])/giu)) {
    const username = match[1]!.toLowerCase();
    if (!names.has(username)) {
      continue;
    }
    if (match.index > last) {
      parts.push({ text: text.slice(last, match.index) });
    }
    parts.push({ text: match[0], mention: { username, me: username === meUsername } });
    last = match.index + match[0].length;
  }
  if (last < text.length) {
    parts.push({ text: text.slice(last) });
  }
  return parts;
}

export interface SeenBy {
  readonly messageId: string;
  readonly names: readonly string[];
}

/**
 * In a group: my newest message, and the other members who have read up to it (from their
 * lastReadId and the live reads). Null when no one has yet.
 */
export function groupSeenBy(
  messages: readonly Message[],
  members: readonly ConversationMember[],
  meId: string,
  reads: Readonly<Record<string, string>>,
): SeenBy | null {
  const mine = [...messages].reverse().find((m) => m.sender.id === meId && !m.deletedAt);
  if (!mine) {
    return null;
  }
  const names = members
    .filter((member) => member.id !== meId)
    .filter((member) => {
      const read = [member.lastReadId, reads[member.id]]
        .filter((id): id is string => !!id)
        .sort(compareIds)
        .at(-1);
      return read !== undefined && compareIds(read, mine.id) >= 0;
    })
    .map((member) => member.displayName);
  return names.length ? { messageId: mine.id, names } : null;
}
