import type { Message } from '@gallery/contracts';
import { databaseKinds, redisAvailable } from './support/adapters';
import {
  connect,
  cookieOf,
  disconnectAll,
  eventsDuring,
  nextEvent,
  snapshotOnConnect,
} from './support/sockets';
import { TestApp } from './support/test-app';

const needsServices = databaseKinds().includes('mysql') && redisAvailable() ? describe : describe.skip;

// Scale-out: two api instances on different ports, sharing MariaDB and Redis (and s3rver).
needsServices('chat across two api instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await TestApp.start({ database: 'mysql', s3: true, redis: true });
    b = await TestApp.start({ database: 'mysql', sharedWith: a });
  });
  afterEach(() => {
    disconnectAll();
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('a message sent through one instance reaches sockets on the other, public and direct', async () => {
    const eve = a.client();
    await eve.register('eve');
    const fox = b.client();
    await fox.register('fox');
    const onA = await connect(a, cookieOf(eve));
    const onB = await connect(b, cookieOf(fox));
    const heard = nextEvent(onB, 'chat:message');
    await onA.emitWithAck('chat:send', { conversationId: 'public', body: 'across the wire' });
    expect(await heard).toMatchObject({ body: 'across the wire', sender: { username: 'eve' } });

    const { id } = (await eve.post('/api/chat/direct', { username: 'fox' })).body as { id: string };
    const direct = nextEvent(onB, 'chat:message');
    const sent = await eve.post(`/api/chat/conversations/${id}/messages`, { body: 'just for you' });
    expect(sent.status).toBe(201);
    expect((await direct) as Message).toMatchObject({ conversationId: id, body: 'just for you' });
  });

  it('presence is one list across instances: a user on both counts once, and leaves only when both tabs close', async () => {
    const gil = a.client();
    await gil.register('gil');
    const hal = b.client();
    await hal.register('hal');
    const watcher = await connect(a, cookieOf(hal));
    const onA = await connect(a, cookieOf(gil));
    const onB = await connect(b, cookieOf(gil));
    const list = await snapshotOnConnect(b, cookieOf(hal));
    expect(list.filter((u) => u.username === 'gil')).toHaveLength(1);
    expect(list.map((u) => u.username)).toEqual(expect.arrayContaining(['gil', 'hal']));
    onA.disconnect();
    expect(
      (await eventsDuring(watcher, 'presence:update', 800)).filter((e) => e.user.username === 'gil'),
    ).toEqual([]);
    const gone = nextEvent(watcher, 'presence:update', 5000);
    onB.disconnect();
    expect(await gone).toMatchObject({ user: { username: 'gil' }, online: false });
  });
});
