/**
 * The client side of one run, forked by main.ts into its own process (never the server's):
 * connects the sockets, has socket 0 send to the public room on a fixed schedule, and times
 * every delivery on every socket. Gets a ClientPlan over IPC, answers with a ClientResult.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import {
  clock,
  decodeBody,
  encodeBody,
  type ClientPlan,
  type ClientResult,
  type FromClient,
  type SendTarget,
  type ToClient,
} from './protocol';
import { summarize } from './stats';

const PUBLIC_ROOM = 'public';

const tell = (message: FromClient): void => void process.send?.(message);

/** Announces a window edge and waits until the orchestrator has handled it. */
function windowEdge(edge: 'start' | 'end'): Promise<void> {
  const ready = new Promise<void>((resolve) => {
    const onMessage = (message: ToClient): void => {
      if (message.kind !== 'window-ready') return;
      process.off('message', onMessage);
      resolve();
    };
    process.on('message', onMessage);
  });
  tell({ kind: 'window', edge });
  return ready;
}
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `done` until it holds, or until `progress()` has not changed for `idleMs`. */
async function waitUntil(done: () => boolean, progress: () => number, idleMs: number): Promise<void> {
  let last = progress();
  let since = Date.now();
  while (!done()) {
    await sleep(25);
    const now = progress();
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since > idleMs) return;
  }
}

async function run(plan: ClientPlan): Promise<ClientResult> {
  const n = plan.cookies.length;
  const m = plan.messages;
  const everyone = Array.from({ length: n }, (_, i) => i);
  const targets: SendTarget[] = plan.targets ?? [
    { conversationId: PUBLIC_ROOM, sender: 0, receivers: everyone },
  ];
  const targetOf = (seq: number): SendTarget => targets[seq % targets.length]!;
  /** Deliveries the messages 0 … count − 1 should make. */
  const expectedFor = (count: number): number => {
    let sum = 0;
    for (let seq = 0; seq < count; seq++) sum += targetOf(seq).receivers.length;
    return sum;
  };
  const expected = expectedFor(m);
  const warmupExpected = expectedFor(plan.warmupMessages);
  // Preallocated: the receive path runs n × rate times a second and must not allocate per message.
  const latencies = new Float64Array(m * n);
  const seen = new Uint8Array(m * n);
  let received = 0;
  let duplicates = 0;
  let warmupReceived = 0;
  let events = 0;
  let disconnects = 0;
  let payloadBytes = 0;

  const deliver = (socketIndex: number, message: { body?: unknown }): void => {
    const now = clock();
    const parsed = decodeBody(message?.body);
    if (!parsed) return;
    if (parsed.phase === 'w') {
      warmupReceived++;
      return;
    }
    const slot = socketIndex * m + parsed.seq;
    if (seen[slot]) {
      duplicates++;
      return;
    }
    seen[slot] = 1;
    latencies[received++] = now - parsed.sentAt;
    if (payloadBytes === 0) payloadBytes = Buffer.byteLength(JSON.stringify(message));
  };

  const connect = (i: number): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const cookie = plan.cookies[i];
      const socket = io(plan.url, {
        path: '/socket.io',
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        timeout: 60_000,
        ...(cookie ? { extraHeaders: { cookie } } : {}),
      });
      // One catch-all listener: counts everything (presence included) for the settle check.
      socket.onAny((event: string, payload: unknown) => {
        events++;
        if (event === 'chat:message') deliver(i, payload as { body?: unknown });
      });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (err) => reject(new Error(`socket ${i}: ${err.message}`)));
      socket.on('disconnect', () => disconnects++);
    });

  // Connect with bounded concurrency: a stampede would measure the handshake path instead.
  const connectStart = clock();
  const sockets: Socket[] = new Array<Socket>(n);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      sockets[i] = await connect(i);
      if ((i + 1) % 250 === 0) tell({ kind: 'progress', text: `${i + 1}/${n} sockets connected` });
    }
  };
  await Promise.all(Array.from({ length: plan.connectConcurrency }, lane));
  const connectSeconds = (clock() - connectStart) / 1000;

  // Gallery greets each socket with presence (snapshot, "X is online" to everyone), and joins
  // rooms after async lookups: measure only once that storm is over.
  const settleStart = clock();
  await waitUntil(
    () => false,
    () => events,
    1500,
  );
  const settleSeconds = (clock() - settleStart) / 1000;

  const send = (phase: 'w' | 'm', seq: number, onAck: (sentAt: number, ok: unknown) => void): number => {
    const { conversationId, sender } = targetOf(seq);
    const sentAt = clock();
    sockets[sender]!.emit(
      'chat:send',
      { conversationId, body: encodeBody(phase, seq, sentAt) },
      (result: { ok?: boolean; error?: string }) => onAck(sentAt, result?.ok ? true : result?.error),
    );
    return sentAt;
  };
  const interval = 1000 / plan.rate;

  // Warm-up at the same rate: JIT, prepared statements and buffers are start-up costs.
  for (let i = 0; i < plan.warmupMessages; i++) {
    send('w', i, () => {});
    await sleep(interval);
  }
  await waitUntil(
    () => warmupReceived >= warmupExpected,
    () => warmupReceived,
    plan.drainIdleMs,
  );

  await windowEdge('start');
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const cpuBefore = process.cpuUsage();
  const acks = new Float64Array(m);
  const slips = new Float64Array(m);
  const ackErrors: string[] = [];
  let acked = 0;
  const start = clock() + interval;
  for (let seq = 0; seq < m; seq++) {
    // A fixed schedule (not sleep-after-send), so a slow ack or busy loop cannot lower the rate.
    const due = start + seq * interval;
    while (clock() < due) await sleep(Math.max(1, Math.ceil(due - clock())));
    const sentAt = send('m', seq, (at, ok) => {
      acks[acked++] = clock() - at;
      if (ok !== true) ackErrors.push(String(ok));
    });
    slips[seq] = sentAt - due;
  }
  await waitUntil(
    () => received >= expected && acked >= m,
    () => received + acked,
    plan.drainIdleMs,
  );
  const windowSeconds = (clock() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  loopDelay.disable();
  await windowEdge('end');

  // Read before closing: our own disconnect() below fires 'disconnect' too.
  const droppedSockets = disconnects;
  for (const socket of sockets) socket.disconnect();
  return {
    sockets: n,
    messagesSent: m,
    deliveriesExpected: expected,
    deliveriesReceived: received,
    duplicates,
    droppedSockets,
    latencyMs: summarize(latencies, received),
    ackMs: summarize(acks, acked),
    ackErrors: [...new Set(ackErrors)].slice(0, 5),
    unacked: m - acked,
    sendSlipMs: summarize(slips),
    clientLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
    windowSeconds,
    connectSeconds,
    settleSeconds,
    payloadBytes,
  };
}

process.once('message', (message: ToClient) => {
  if (message.kind !== 'run') return;
  run(message.plan).then(
    (result) => process.send?.({ kind: 'done', result } satisfies FromClient, () => process.exit(0)),
    (err: unknown) =>
      process.send?.({ kind: 'failed', error: err instanceof Error ? err.message : String(err) }, () =>
        process.exit(1),
      ),
  );
});
// Orphaned (the benchmark died): close every socket by exiting.
process.on('disconnect', () => process.exit(0));
