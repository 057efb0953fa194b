/**
 * What the orchestrator (main.ts) and the forked client process (client.ts) say to each other
 * over the IPC channel, and how a chat message body carries its send time.
 */

/** One measured run, sent to a fresh client process. */
export interface ClientPlan {
  /** http://127.0.0.1:<port>; the client connects to `${url}/socket.io` over WebSocket only. */
  url: string;
  /** One Cookie header per socket (Gallery's session); empty strings for the bare server. */
  cookies: string[];
  /** Messages per second in all (from the one sender socket, or spread over `targets`). */
  rate: number;
  /**
   * Where message `seq` goes: `targets[seq % targets.length]`, sent by socket `sender` and
   * expected on the sockets `receivers` lists (indexes into `cookies`; the sender's own included).
   * Absent: everything to the public room from socket 0, expected on every socket.
   */
  targets?: SendTarget[];
  /** Measured messages (rate × seconds); warm-up messages come on top. */
  messages: number;
  warmupMessages: number;
  /** Sockets connecting at once: a 1000-socket stampede would measure the handshake, not fan-out. */
  connectConcurrency: number;
  /** Give up on stragglers after this long without a new delivery. */
  drainIdleMs: number;
}

/** A conversation messages are sent to (chat-groups: one per group). */
export interface SendTarget {
  conversationId: string;
  sender: number;
  receivers: number[];
}

/** The client's answer. Latencies are in ms, from the sender's clock read to the receiver's. */
export interface ClientResult {
  sockets: number;
  messagesSent: number;
  deliveriesExpected: number;
  deliveriesReceived: number;
  duplicates: number;
  /** Sockets the server closed before the run ended (each one loses its remaining deliveries). */
  droppedSockets: number;
  latencyMs: Summary;
  /** chat:send → its ack at the sender: the server's whole handling of one message. */
  ackMs: Summary;
  ackErrors: string[];
  /** Messages sent but never acknowledged when the run ended. */
  unacked: number;
  /** How late the sender fired against its 1/rate schedule: a saturated client shows here first. */
  sendSlipMs: Summary;
  /** The client process's own event-loop delay over the window (it shares the 2 cores). */
  clientLoopDelayP99Ms: number;
  clientCpuSeconds: number;
  windowSeconds: number;
  connectSeconds: number;
  settleSeconds: number;
  /** JSON size of one delivered chat:message payload (what each socket receives per message). */
  payloadBytes: number;
}

export interface Summary {
  count: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

/**
 * `run` starts a client; `window-ready` answers each window edge once the orchestrator has
 * sampled the servers' CPU and toggled their probe, so nothing the client does next (the first
 * message, closing 1000 sockets) falls on the wrong side of the server's window.
 */
export type ToClient = { kind: 'run'; plan: ClientPlan } | { kind: 'window-ready' };
export type FromClient =
  | { kind: 'progress'; text: string }
  | { kind: 'window'; edge: 'start' | 'end' }
  | { kind: 'done'; result: ClientResult }
  | { kind: 'failed'; error: string };

/**
 * Wall-clock ms with sub-ms resolution. Sender and receivers share one process here, but
 * timeOrigin + now() stays comparable across processes on one machine too, unlike now() alone.
 */
export const clock = (): number => performance.timeOrigin + performance.now();

/** `fanout:<phase>:<seq>:<sentAt>`: plain text that survives Gallery's trimming and validation. */
export function encodeBody(phase: 'w' | 'm', seq: number, sentAt: number): string {
  return `fanout:${phase}:${seq}:${sentAt.toFixed(3)}`;
}

/** Null for anything that is not a benchmark message (presence, other people's chat). */
export function decodeBody(body: unknown): { phase: 'w' | 'm'; seq: number; sentAt: number } | null {
  if (typeof body !== 'string' || !body.startsWith('fanout:')) return null;
  const [, phase, seq, sentAt] = body.split(':');
  if (phase !== 'w' && phase !== 'm') return null;
  return { phase, seq: Number(seq), sentAt: Number(sentAt) };
}
