import { ROOMS, type Conversation } from '@gallery/contracts';
import { DataSource } from 'typeorm';
import { ConversationsService } from '../src/chat/conversations.service';
import { MessagesService } from '../src/chat/messages.service';
import { RealtimeEmitter } from '../src/realtime/realtime-emitter';
import type { UserEntity } from '../src/users/user.entity';
import { UsersService } from '../src/users/users.service';
import { appModes } from './support/modes';
import { countQueries } from './support/query-counter';
import { TestApp } from './support/test-app';

/** The bound: a send costs this many round trips at most, whatever the group size. */
const MAX_ROUND_TRIPS = 5;

/**
 * What one message costs the database, counted in statements (each a round trip to MariaDB):
 * the members' list entries are built in memory, so a group of fifty costs what a group of two
 * does. Counting queries, not timing them: the latency lives in `npm run bench -- chat-groups`.
 */
describe.each(appModes())('chat send round trips — %s', (_name, options) => {
  let app: TestApp;
  let db: DataSource;
  let conversations: ConversationsService;
  let messages: MessagesService;
  const people: UserEntity[] = [];

  beforeAll(async () => {
    app = await TestApp.start(options);
    db = app.get(DataSource);
    conversations = app.get(ConversationsService);
    messages = app.get(MessagesService);
    const users = app.get(UsersService);
    for (let i = 0; i < 50; i++)
      people.push(
        await users.create({ username: `member${String(i).padStart(2, '0')}`, password: 'correct horse' }),
      );
  }, 120_000);
  afterAll(() => app.close());

  /** A group of `size` (the first person and the next size − 1), with one message already in it. */
  async function group(size: number): Promise<string> {
    const [admin, ...others] = people;
    const created = await conversations.createGroup(admin!, {
      name: `Group of ${size}`,
      usernames: others.slice(0, size - 1).map((o) => o.username),
    });
    await messages.send(admin!, created.id, 'first');
    return created.id;
  }

  const cost = async (conversationId: string, body = 'hello everyone') =>
    (await countQueries(db, () => messages.send(people[1]!, conversationId, body))).count;

  it('costs the same for a group of 2 as for a group of 50, and at most 5 round trips', async () => {
    const small = await cost(await group(2));
    const large = await cost(await group(50));
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
  });

  it('stays within 5 round trips with pinned messages, for a direct message and in the public room', async () => {
    const pinnedGroup = await group(50);
    const [first] = (await messages.history(people[0]!, pinnedGroup, { limit: 1 })).items;
    await conversations.pin(people[0]!, pinnedGroup, first!.id, true);
    expect(await cost(pinnedGroup)).toBeLessThanOrEqual(MAX_ROUND_TRIPS);

    const direct = await conversations.openDirect(people[1]!, people[2]!.username);
    expect(await cost(direct.conversation.id)).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
    expect(await cost('public')).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
  });

  it('pushes each of the fifty members the list entry they would read: their unread, read receipts, last message', async () => {
    const id = await group(50);
    // Member 3 has read the first message; everyone else but its sender has not.
    const [first] = (await messages.history(people[3]!, id, { limit: 1 })).items;
    await messages.markRead(people[3]!, id, first!.id);
    const pushed = new Map<string, unknown>();
    const spy = jest
      .spyOn(app.get(RealtimeEmitter), 'toRooms')
      .mockImplementation((rooms: string[], event: string, payload: unknown) => {
        if (event === 'conversation:updated') for (const room of rooms) pushed.set(room, payload);
      });
    try {
      await messages.send(people[1]!, id, 'second');
    } finally {
      spy.mockRestore();
    }
    expect(pushed.size).toBe(50);
    for (const who of people)
      expect(pushed.get(ROOMS.user(who.id))).toEqual(await conversations.get(who, id));
    const unread = (who: UserEntity) => (pushed.get(ROOMS.user(who.id)) as Conversation).unreadCount;
    expect([unread(people[0]!), unread(people[1]!), unread(people[3]!), unread(people[49]!)]).toEqual([
      1, 0, 1, 2,
    ]);
  });
});
