import type { Message } from '@gallery/contracts';

/**
 * Both lists as one, oldest first, each message once. Message ids are UUIDv7, so they sort by
 * time as plain strings; a message seen twice (socket and history page) keeps the newer copy.
 */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) {
    return [...existing];
  }
  const byId = new Map<string, Message>();
  for (const message of existing) {
    byId.set(message.id, message);
  }
  for (const message of incoming) {
    byId.set(message.id, message);
  }
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

/** Orders message ids by time (UUIDv7 strings sort chronologically). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two message ids; null counts as "nothing yet". */
export function laterId(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) {
    return b ?? null;
  }
  if (!b) {
    return a;
  }
  return compareIds(a, b) >= 0 ? a : b;
}
