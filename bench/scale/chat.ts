import { io, type Socket } from 'socket.io-client';
import { sleep } from '../pipeline/proc';
import type { User } from './user';

const PUBLIC_ROOM = 'public';
const PREFIX = 'scale:';

/**
 * A signed-in person's socket in the public room. When its api goes away it connects again to
 * whichever api the balancer gives (signing in again first if the session was lost), as the web
 * app's Socket.IO client would.
 */
export class ChatUser {
  socket: Socket | null = null;
  /** The api the socket is on now; null while it is (re)connecting. */
  api: string | null = null;
  reconnects = 0;
  /** When the socket last connected (Date.now()). */
  connectedAt = 0;
  private stopped = false;

  constructor(
    readonly index: number,
    readonly user: User,
    private readonly apiName: (url: string) => string,
    private readonly onMessage: (user: ChatUser, body: string) => void,
  ) {}

  async connect(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.stopped) return;
      const url = this.user.baseUrl;
      try {
        const socket = await open(url, this.user.cookieHeader);
        if (this.stopped) {
          socket.disconnect();
          return;
        }
        this.socket = socket;
        this.api = this.apiName(url);
        this.connectedAt = Date.now();
        socket.on('chat:message', (m: { body?: unknown }) => {
          if (typeof m?.body === 'string' && m.body.startsWith(PREFIX)) this.onMessage(this, m.body);
        });
        socket.once('disconnect', (reason) => {
          this.socket = null;
          this.api = null;
          if (reason === 'io client disconnect' || this.stopped) return;
          this.reconnects++;
          void sleep(300 + Math.random() * 400).then(() => this.connect());
        });
        return;
      } catch (err) {
        if (/unauthori[sz]ed|UNAUTHENTICATED|sign in/i.test((err as Error).message)) {
          await this.user.signIn().catch(() => undefined);
        }
        if (attempt > 200)
          throw new Error(`${this.user.username}: cannot reconnect: ${(err as Error).message}`);
        await sleep(500);
      }
    }
  }

  close(): void {
    this.stopped = true;
    this.socket?.disconnect();
    this.socket = null;
  }
}

function open(url: string, cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 10_000,
      extraHeaders: { cookie },
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(err);
    });
  });
}

/** One chat:send and what became of it. */
export interface Sent {
  seq: number;
  sender: number;
  senderApi: string;
  sentAt: number;
  /** Other people connected when it was sent, and the api each was on. */
  audience: Map<number, string>;
  ok: boolean | null;
  /** Why the send failed (ack error or timeout). */
  error: string | null;
  messageId: string | null;
  /** Who received it, and on which api. */
  received: Map<number, string>;
}

/**
 * Chat traffic in the public room: `senders` send on a fixed period (or, with `closed`, the next
 * message as soon as the previous is acknowledged), every socket records what it receives. The
 * audience of a message is taken when it is sent, so a person whose socket is reconnecting at that
 * moment is not counted as a loss (they read it from history); everyone connected is.
 */
export class ChatLoad {
  readonly sent: Sent[] = [];
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    readonly users: ChatUser[],
    private readonly senders: ChatUser[],
  ) {}

  /** The callback each ChatUser reports deliveries to. */
  static receiver(load: () => ChatLoad | null): (user: ChatUser, body: string) => void {
    return (user, body) => {
      const seq = Number(body.slice(PREFIX.length).split(':', 1)[0]);
      const sent = load()?.sent[seq];
      if (sent && user.api) sent.received.set(user.index, user.api);
    };
  }

  start(options: { periodMs: number } | { closed: true; inFlight: number }): void {
    this.running = true;
    this.loops = this.senders.flatMap((sender, i) =>
      'closed' in options
        ? Array.from({ length: options.inFlight }, () => this.closedLoop(sender))
        : [this.pacedLoop(sender, options.periodMs, i)],
    );
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Waits until no delivery has arrived for `idleMs` (at most `maxMs`): the ones in flight land. */
  async settle(idleMs = 3000, maxMs = 20_000): Promise<void> {
    const count = () => this.sent.reduce((n, m) => n + m.received.size, 0);
    const deadline = Date.now() + maxMs;
    let last = count();
    let since = Date.now();
    while (Date.now() - since < idleMs && Date.now() < deadline) {
      await sleep(250);
      const now = count();
      if (now !== last) [last, since] = [now, Date.now()];
    }
  }

  /** Failed sends by reason. */
  failures(): string[] {
    const by = new Map<string, number>();
    for (const m of this.sent) if (m.ok === false) by.set(m.error ?? '?', (by.get(m.error ?? '?') ?? 0) + 1);
    return [...by].map(([reason, n]) => `${n}× ${reason}`);
  }

  private async pacedLoop(sender: ChatUser, periodMs: number, index: number): Promise<void> {
    await sleep((periodMs / this.senders.length) * index);
    while (this.running) {
      const due = Date.now() + periodMs;
      void this.send(sender);
      await sleep(Math.max(0, due - Date.now()));
    }
  }

  private async closedLoop(sender: ChatUser): Promise<void> {
    while (this.running) {
      if (!(await this.send(sender))) await sleep(100);
    }
  }

  /** Sends one message; resolves true once acknowledged ok. */
  private send(sender: ChatUser): Promise<boolean> {
    const socket = sender.socket;
    if (!socket || !sender.api) return Promise.resolve(false);
    const audience = new Map<number, string>();
    for (const u of this.users) if (u !== sender && u.api) audience.set(u.index, u.api);
    const record: Sent = {
      seq: this.sent.length,
      sender: sender.index,
      senderApi: sender.api,
      sentAt: Date.now(),
      audience,
      ok: null,
      error: null,
      messageId: null,
      received: new Map(),
    };
    this.sent.push(record);
    return new Promise((resolve) => {
      socket
        .timeout(15_000)
        .emit(
          'chat:send',
          { conversationId: PUBLIC_ROOM, body: `${PREFIX}${record.seq}:${record.sentAt}` },
          (err: unknown, ack: { ok?: boolean; message?: { id: string }; code?: string; error?: string }) => {
            record.ok = !err && ack?.ok === true;
            if (!record.ok)
              record.error = err ? 'no ack in 15 s' : `${ack?.code ?? ''} ${ack?.error ?? ''}`.trim();
            record.messageId = ack?.message?.id ?? null;
            resolve(record.ok);
          },
        );
    });
  }
}
