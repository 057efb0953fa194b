import type { Notification } from '@gallery/contracts';

/** "Anna and 3 others liked your artwork": who did what, in words (the artwork's title shown apart). */
export function describeNotification(n: Notification): string {
  const first = n.actors[0]?.displayName ?? 'Someone';
  const others = n.actorCount - 1;
  const who =
    others <= 0
      ? first
      : others === 1 && n.actors[1]
        ? `${first} and ${n.actors[1].displayName}`
        : `${first} and ${others} others`;
  switch (n.type) {
    case 'like':
      return `${who} liked your artwork`;
    case 'favorite':
      return `${who} added your artwork to their favourites`;
    case 'follow':
      return `${who} started following you`;
    case 'comment':
      return `${who} commented on your artwork`;
    case 'reply':
      return `${who} replied to your comment`;
    case 'mention':
      return `${who} mentioned you in a comment`;
    case 'new-artwork':
      return `${who} published a new artwork`;
    case 'report-resolved':
      return 'Your report was resolved';
  }
}
