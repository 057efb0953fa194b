import {
  conversationPeer,
  conversationTitle,
  fileSize,
  listTime,
  messagePreview,
  unreadBadge,
} from './conversation-info';
import { ANNA, BEN, CLARA, conversation, member, message } from './testing';

describe('conversation info', () => {
  const direct = conversation('c-direct');
  const group = conversation('c-group', {
    kind: 'group',
    name: 'Watercolour club',
    members: [member(ANNA, 'admin'), member(BEN), member(CLARA)],
  });

  it('names a direct chat after the other painter, a group and the room by their names', () => {
    expect(conversationTitle(direct, ANNA.id)).toBe('Ben Okafor');
    expect(conversationTitle(direct, BEN.id)).toBe('Anna Petrova');
    expect(conversationPeer(direct, ANNA.id)?.username).toBe('ben');
    expect(conversationTitle(group, ANNA.id)).toBe('Watercolour club');
    expect(conversationPeer(group, ANNA.id)).toBeNull();
    expect(conversationTitle(conversation('public'), ANNA.id)).toBe('Public room');
  });

  it('previews the last message on one line, saying who wrote it where that helps', () => {
    expect(messagePreview(message(1, BEN, { body: 'Two\nlines' }), direct, ANNA.id)).toBe('Two lines');
    expect(messagePreview(message(1, ANNA), direct, ANNA.id)).toBe('You: message 1');
    expect(messagePreview(message(1, CLARA), group, ANNA.id)).toBe('Clara: message 1');
    const picture = {
      url: '/m/p.webp',
      name: 'p.webp',
      mime: 'image/webp',
      bytes: 10,
      thumbUrl: '/m/t.webp',
    };
    expect(messagePreview(message(1, BEN, { body: '', attachment: picture }), direct, ANNA.id)).toBe(
      'Sent a picture: p.webp',
    );
    expect(messagePreview(null, group, ANNA.id)).toBe('No messages yet');
  });

  it("hides the text of a blocked painter's last message, as the thread does", () => {
    const blocked = message(1, BEN, { body: 'something unkind', blockedSender: true });
    expect(messagePreview(blocked, group, ANNA.id)).toBe('Message from someone you blocked');
    expect(messagePreview(blocked, direct, ANNA.id)).not.toContain('unkind');
  });

  it('gives times as the hour today, the weekday this week, the date before', () => {
    const now = new Date(2026, 4, 8, 18, 0);
    expect(listTime(new Date(2026, 4, 8, 9, 5).toISOString(), now)).toBe(
      new Date(2026, 4, 8, 9, 5).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }),
    );
    expect(listTime(new Date(2026, 4, 5, 9).toISOString(), now)).toBe(
      new Date(2026, 4, 5).toLocaleDateString(undefined, { weekday: 'short' }),
    );
    expect(listTime(new Date(2025, 0, 2).toISOString(), now)).toContain('2025');
  });

  it('gives sizes a person reads', () => {
    expect(fileSize(812)).toBe('812 B');
    expect(fileSize(14 * 1024)).toBe('14 KB');
    expect(fileSize(3.2 * 1024 * 1024)).toBe('3.2 MB');
    expect(fileSize(25 * 1024 * 1024)).toBe('25 MB');
  });

  it('badges the count, and "99+" past 99 — for the public room from its cap, which means "or more"', () => {
    expect(unreadBadge(conversation('c-direct', { unreadCount: 3 }))).toBe('3');
    expect(unreadBadge(conversation('c-direct', { unreadCount: 99 }))).toBe('99');
    expect(unreadBadge(conversation('c-direct', { unreadCount: 140 }))).toBe('99+');
    expect(unreadBadge(conversation('public', { unreadCount: 98 }))).toBe('98');
    expect(unreadBadge(conversation('public', { unreadCount: 99 }))).toBe('99+');
  });
});
