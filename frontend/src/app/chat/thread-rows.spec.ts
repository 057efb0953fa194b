import { dayLabel, seenMessageId, threadRows } from './thread-rows';
import { ANNA, BEN, me, message } from './testing';

const NOW = new Date(2026, 4, 3, 12, 0);

function at(day: number, hour: number, minute: number): string {
  return new Date(2026, 4, day, hour, minute).toISOString();
}

describe('threadRows', () => {
  it('puts a separator before each day and groups runs by sender', () => {
    const rows = threadRows(
      [
        message(1, BEN, { createdAt: at(2, 9, 0) }),
        message(2, BEN, { createdAt: at(2, 9, 2) }),
        message(3, ANNA, { createdAt: at(2, 9, 3) }),
        message(4, ANNA, { createdAt: at(3, 8, 0) }),
        message(5, ANNA, { createdAt: at(3, 8, 30) }),
      ],
      [],
      me(ANNA),
      NOW,
    );
    expect(
      rows.map((row) =>
        row.kind === 'day'
          ? row.label
          : `${row.key}${row.own ? ' own' : ''}${row.startsRun ? ' starts' : ''}${row.endsRun ? ' ends' : ''}`,
      ),
    ).toEqual([
      'Yesterday',
      'm-001 starts',
      'm-002 ends',
      'm-003 own starts ends',
      'Today',
      'm-004 own starts ends',
      'm-005 own starts ends',
    ]);
  });

  it('adds messages on their way at the end, as mine', () => {
    const rows = threadRows(
      [message(1, ANNA, { createdAt: at(3, 11, 59) })],
      [{ localId: 'local-1', body: 'On its way', createdAt: at(3, 12, 0) }],
      me(ANNA),
      NOW,
    );
    expect(rows.at(-1)).toEqual(
      expect.objectContaining({
        key: 'local-1',
        body: 'On its way',
        own: true,
        pending: true,
        startsRun: false,
      }),
    );
  });

  it('names days plainly', () => {
    expect(dayLabel(new Date(2026, 4, 3, 1), NOW)).toBe('Today');
    expect(dayLabel(new Date(2026, 4, 2, 23), NOW)).toBe('Yesterday');
    expect(dayLabel(new Date(2026, 3, 29), NOW)).toBe(
      new Date(2026, 3, 29).toLocaleDateString(undefined, { weekday: 'long' }),
    );
    expect(dayLabel(new Date(2025, 11, 24), NOW)).toContain('2025');
  });
});

describe('seenMessageId', () => {
  const thread = [message(1, BEN), message(2, ANNA), message(3, ANNA)];

  it('is my newest message at or before where the other painter has read', () => {
    expect(seenMessageId(thread, ANNA.id, BEN.id, 'm-003')).toBe('m-003');
    expect(seenMessageId(thread, ANNA.id, BEN.id, 'm-002')).toBe('m-002');
  });

  it('is nothing before they read any of mine, or once they have written since', () => {
    expect(seenMessageId(thread, ANNA.id, BEN.id, null)).toBeNull();
    expect(seenMessageId(thread, ANNA.id, BEN.id, 'm-001')).toBeNull();
    expect(seenMessageId([...thread, message(4, BEN)], ANNA.id, BEN.id, 'm-004')).toBeNull();
  });
});
