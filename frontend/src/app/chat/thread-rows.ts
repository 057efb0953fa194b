import type { Message, UserSummary } from '@gallery/contracts';

import { sameDay, startOfDay } from './conversation-info';
import { compareIds } from './merge';
import type { PendingMessage } from './threads';

/** Messages from one sender this close together read as one run, named once. */
export const RUN_GAP_MS = 5 * 60 * 1000;

export interface DayRow {
  readonly kind: 'day';
  readonly key: string;
  readonly label: string;
}

export interface MessageRow {
  readonly kind: 'message';
  /** The message id, or the local id while it is on its way. */
  readonly key: string;
  readonly sender: UserSummary;
  readonly body: string;
  readonly attachment: Message['attachment'];
  readonly createdAt: string;
  readonly own: boolean;
  readonly pending: boolean;
  /** The message itself (null while on its way), for the actions on it. */
  readonly message: Message | null;
  readonly editedAt: string | null;
  readonly deleted: boolean;
  readonly replyTo: Message['replyTo'];
  readonly reactions: Message['reactions'];
  readonly mentions: Message['mentions'];
  /** First of a run from one sender: shows their name and picture. */
  readonly startsRun: boolean;
  /** Last of a run: the bubble gets its tail and the time. */
  readonly endsRun: boolean;
  /** A moderator removed it: shown as a placeholder. */
  readonly removed?: boolean;
  /** I blocked its sender: collapsed until opened. */
  readonly blockedSender?: boolean;
}

export type ThreadRow = DayRow | MessageRow;

/**
 * What the message list shows, top to bottom: a separator for each day, then the messages,
 * grouped into runs by sender; messages on their way come last, as mine.
 */
export function threadRows(
  messages: readonly Message[],
  pending: readonly PendingMessage[],
  me: UserSummary,
  now: Date = new Date(),
): ThreadRow[] {
  const items: Omit<MessageRow, 'startsRun' | 'endsRun'>[] = [
    ...messages.map((message) => ({
      kind: 'message' as const,
      key: message.id,
      sender: message.sender,
      body: message.body,
      attachment: message.attachment,
      createdAt: message.createdAt,
      own: message.sender.id === me.id,
      pending: false,
      message,
      editedAt: message.editedAt,
      deleted: !!message.deletedAt,
      replyTo: message.replyTo,
      reactions: message.reactions,
      mentions: message.mentions,
      ...(message.removed ? { removed: true } : {}),
      ...(message.blockedSender ? { blockedSender: true } : {}),
    })),
    ...pending.map((message) => ({
      kind: 'message' as const,
      key: message.localId,
      sender: me,
      body: message.body,
      attachment: null,
      createdAt: message.createdAt,
      own: true,
      pending: true,
      message: null,
      editedAt: null,
      deleted: false,
      replyTo: null,
      reactions: [],
      mentions: [],
    })),
  ];
  const rows: ThreadRow[] = [];
  items.forEach((item, index) => {
    const at = new Date(item.createdAt);
    const previous = items[index - 1];
    const next = items[index + 1];
    if (!previous || !sameDay(new Date(previous.createdAt), at)) {
      rows.push({ kind: 'day', key: `day-${startOfDay(at)}`, label: dayLabel(at, now) });
    }
    rows.push({
      ...item,
      startsRun: !previous || !sameRun(previous, item),
      endsRun: !next || !sameRun(item, next),
    });
  });
  return rows;
}

/**
 * The message under which "Seen" goes in a direct chat: my newest message the other painter has
 * read up to (`readUpTo`). Nothing once they have written since — their reply says it already.
 */
export function seenMessageId(
  messages: readonly Message[],
  meId: string,
  peerId: string,
  readUpTo: string | null,
): string | null {
  if (!readUpTo) {
    return null;
  }
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message.sender.id === peerId) {
      return null;
    }
    if (message.sender.id === meId && compareIds(message.id, readUpTo) <= 0) {
      return message.id;
    }
  }
  return null;
}

/** "Today", "Yesterday", a weekday within the week, else the date. */
export function dayLabel(day: Date, now: Date = new Date()): string {
  const days = Math.round((startOfDay(now) - startOfDay(day)) / (24 * 60 * 60 * 1000));
  if (days === 0) {
    return 'Today';
  }
  if (days === 1) {
    return 'Yesterday';
  }
  if (days > 1 && days < 7) {
    return day.toLocaleDateString(undefined, { weekday: 'long' });
  }
  return day.toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(day.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
}

function sameRun(
  a: Pick<MessageRow, 'sender' | 'createdAt'>,
  b: Pick<MessageRow, 'sender' | 'createdAt'>,
): boolean {
  const first = new Date(a.createdAt);
  const second = new Date(b.createdAt);
  return (
    a.sender.id === b.sender.id && sameDay(first, second) && second.getTime() - first.getTime() < RUN_GAP_MS
  );
}
