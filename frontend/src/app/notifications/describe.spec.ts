import type { Notification, UserSummary } from '@gallery/contracts';

import { describeNotification } from './describe';

const user = (name: string): UserSummary => ({
  id: name,
  username: name,
  displayName: name,
  avatarUrl: null,
});
const note = (over: Partial<Notification>): Notification => ({
  id: 'n1',
  type: 'like',
  actors: [user('Ann')],
  actorCount: 1,
  album: null,
  commentId: null,
  read: false,
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('describeNotification', () => {
  it('groups actors in words', () => {
    expect(describeNotification(note({}))).toBe('Ann liked your artwork');
    expect(describeNotification(note({ actors: [user('Ann'), user('Bob')], actorCount: 2 }))).toBe(
      'Ann and Bob liked your artwork',
    );
    expect(
      describeNotification(note({ actors: [user('Ann'), user('Bob')], actorCount: 4, type: 'comment' })),
    ).toBe('Ann and 3 others commented on your artwork');
    expect(describeNotification(note({ type: 'follow' }))).toBe('Ann started following you');
  });
});
