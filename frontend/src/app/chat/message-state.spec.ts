import type { Message } from '@gallery/contracts';

import {
  applyRemoval,
  applyUpdate,
  groupSeenBy,
  mentionParts,
  reactionIsMine,
  withMine,
} from './message-state';
import { ANNA, BEN, CLARA, member, message } from './testing';

const thumbs = (users: { id: string; displayName: string }[], mine = false) => ({
  emoji: '👍' as const,
  count: users.length,
  mine,
  users,
});

describe('message state', () => {
  it('derives mine from the reaction users of a room-wide update', () => {
    const updated = message(1, BEN, {
      reactions: [thumbs([{ id: ANNA.id, displayName: ANNA.displayName }])],
    });
    expect(withMine(updated, ANNA.id).reactions[0]!.mine).toBe(true);
    expect(withMine(updated, BEN.id).reactions[0]!.mine).toBe(false);
    expect(reactionIsMine(withMine(updated, ANNA.id), '👍')).toBe(true);
  });

  it('replaces an edited message and the excerpts quoting it', () => {
    const original = message(1, BEN);
    const reply = message(2, ANNA, {
      replyTo: { id: original.id, sender: BEN, body: 'message 1', deleted: false },
    });
    const edited: Message = { ...original, body: 'better words', editedAt: '2026-05-02T11:00:00.000Z' };
    const next = applyUpdate([original, reply], edited);
    expect(next[0]!.body).toBe('better words');
    expect(next[0]!.editedAt).not.toBeNull();
    expect(next[1]!.replyTo!.body).toBe('better words');
  });

  it('turns a deleted message into a tombstone and marks quotes of it deleted', () => {
    const original = message(1, BEN, { reactions: [thumbs([{ id: ANNA.id, displayName: 'Anna' }])] });
    const reply = message(2, ANNA, {
      replyTo: { id: original.id, sender: BEN, body: 'message 1', deleted: false },
    });
    const next = applyRemoval([original, reply], original.id);
    expect(next[0]).toMatchObject({ body: '', reactions: [], attachment: null });
    expect(next[0]!.deletedAt).not.toBeNull();
    expect(next[1]!.replyTo).toMatchObject({ body: '', deleted: true });
  });

  it('highlights only the mentions the api recognised, and mine apart', () => {
    const parts = mentionParts(
      'hi @anna and @ghost, @Ben!',
      [
        { id: ANNA.id, username: 'anna' },
        { id: BEN.id, username: 'ben' },
      ],
      'anna',
    );
    expect(parts).toEqual([
      { text: 'hi ' },
      { text: '@anna', mention: { username: 'anna', me: true } },
      { text: ' and @ghost, ' },
      { text: '@Ben', mention: { username: 'ben', me: false } },
      { text: '!' },
    ]);
    expect(mentionParts('plain', [], 'anna')).toEqual([{ text: 'plain' }]);
  });

  it('says which group members have seen my newest message', () => {
    const messages = [message(1, ANNA), message(2, BEN), message(3, ANNA)];
    const members = [member(ANNA), member(BEN, 'member', 'm-003'), member(CLARA, 'member', 'm-002')];
    expect(groupSeenBy(messages, members, ANNA.id, {})).toEqual({
      messageId: 'm-003',
      names: [BEN.displayName],
    });
    // A live chat:read moves Clara on.
    expect(groupSeenBy(messages, members, ANNA.id, { [CLARA.id]: 'm-003' })!.names).toEqual([
      BEN.displayName,
      CLARA.displayName,
    ]);
    expect(groupSeenBy([message(1, BEN)], members, ANNA.id, {})).toBeNull();
  });
});
