import type { Connection } from 'mysql2/promise';
import { sleep } from '../pipeline/proc';
import { ChatLoad, type ChatUser } from './chat';
import type { Cluster } from './cluster';
import type { Settings } from './config';
import { ReadyWatcher, UploadLoad } from './uploads';
import type { User } from './user';

/** What one phase did to the two flows, for the table. */
export interface FaultRow {
  phase: string;
  uploadsAccepted: number;
  uploadsRefused: number;
  ready: number;
  /** Accepted (201) but not in the database at the end: must be 0. */
  lost: number;
  /** In the database, neither ready nor failed when the drain gave up. */
  stuck: number;
  failed: number;
  /** From the fault until every stage accepted before the outage ended was ready. */
  uploadRecoverS: number;
  chatSent: number;
  chatAckFailed: number;
  /** Deliveries to people connected to another api than the sender's, when it was sent. */
  crossExpected: number;
  crossDelivered: number;
  /** Acknowledged messages missing from the messages table: must be 0. */
  chatLost: number;
  /** From the fault until every message reached everyone connected and every socket was back. */
  chatRecoverS: number;
  signIns: number;
  reconnects: number;
  /** Stages being processed when the fault hit (a worker kill only loses work if > 0). */
  processingAtFault: number;
  refusedReasons: string[];
  chatFailures: string[];
}

export interface FaultContext {
  cluster: Cluster;
  settings: Settings;
  db: Connection;
  painters: { user: User; albumId: string }[];
  people: ChatUser[];
  senders: ChatUser[];
  images: Buffer[];
  setChat: (load: ChatLoad | null) => void;
}

/** A fault: returns when it struck and when its outage ended (the replacement or restart ready). */
export type Fault = (ctx: FaultContext) => Promise<{ at: number; endAt: number }>;

export const FAULTS: { phase: string; fault: Fault }[] = [
  {
    phase: 'a baseline',
    fault: async () => {
      const at = Date.now();
      return { at, endAt: at };
    },
  },
  {
    phase: 'b kill worker',
    fault: async ({ cluster }) => {
      const at = Date.now();
      await cluster.kill(cluster.workers[0]!);
      await cluster.startWorker();
      return { at, endAt: Date.now() };
    },
  },
  {
    phase: 'c kill Redis',
    fault: async ({ cluster, settings }) => {
      const at = Date.now();
      await cluster.redis.kill();
      await sleep(settings.redisDownMs);
      await cluster.redis.restart();
      return { at, endAt: Date.now() };
    },
  },
  {
    phase: 'd kill api',
    fault: async ({ cluster }) => {
      const at = Date.now();
      await cluster.kill(cluster.apis[0]!.proc);
      return { at, endAt: at };
    },
  },
];

/** Runs the load, strikes `fault` halfway, lets everything drain, and counts. */
export async function runFault(ctx: FaultContext, phase: string, fault: Fault): Promise<FaultRow> {
  const { settings, db } = ctx;
  const signInsBefore = sumSignIns(ctx);
  const reconnectsBefore = ctx.people.reduce((n, p) => n + p.reconnects, 0);
  const uploads = new UploadLoad(ctx.painters, ctx.images, settings.uploadPeriodMs);
  const watcher = new ReadyWatcher(db, uploads.accepted);
  const chat = new ChatLoad(ctx.people, ctx.senders);
  ctx.setChat(chat);
  uploads.start();
  chat.start({ periodMs: settings.chatPeriodMs });
  watcher.start();
  await sleep(settings.beforeFaultMs);
  const [[processing]] = (await db.query(
    "SELECT COUNT(*) AS n FROM stages WHERE status = 'processing'",
  )) as unknown as [[{ n: number }]];
  console.log(`  ${phase}: fault now (${processing!.n} stage(s) processing)`);
  const { at, endAt } = await fault(ctx);
  await sleep(settings.afterFaultMs);
  await Promise.all([uploads.stop(), chat.stop()]);
  // Deliveries in flight, and sockets that are still finding their way back.
  await chat.settle();
  ctx.setChat(null);
  await watcher.drain(settings.drainMs);
  await watcher.stop();

  const stages = [...uploads.accepted.values()];
  const ready = stages.filter((s) => s.readyAt !== null);
  const backlog = stages.filter((s) => s.acceptedAt <= endAt && s.readyAt !== null);
  const uploadRecoverS = (Math.max(at, ...backlog.map((s) => s.readyAt!)) - at) / 1000;

  const ok = chat.sent.filter((m) => m.ok);
  let crossExpected = 0;
  let crossDelivered = 0;
  let lastIncomplete = at;
  for (const m of chat.sent) {
    let complete = m.ok === true;
    for (const [person, api] of m.audience) {
      const got = m.received.has(person);
      if (!got) complete = false;
      if (m.ok && api !== m.senderApi) {
        crossExpected++;
        if (got) crossDelivered++;
      }
    }
    if (!complete && m.sentAt >= at) lastIncomplete = Math.max(lastIncomplete, m.sentAt);
  }
  const stored = await existingMessageIds(db, ok.map((m) => m.messageId!).filter(Boolean));
  const chatLost = ok.filter((m) => !m.messageId || !stored.has(m.messageId)).length;

  return {
    phase,
    uploadsAccepted: stages.length,
    uploadsRefused: uploads.refused,
    ready: ready.length,
    lost: stages.filter((s) => s.status === 'missing').length,
    stuck: stages.filter((s) => s.readyAt === null && s.status !== 'failed' && s.status !== 'missing').length,
    failed: stages.filter((s) => s.status === 'failed').length,
    uploadRecoverS,
    chatSent: ok.length,
    chatAckFailed: chat.sent.length - ok.length,
    crossExpected,
    crossDelivered,
    chatLost,
    chatRecoverS: (Math.max(lastIncomplete, ...ctx.people.map((p) => p.connectedAt)) - at) / 1000,
    signIns: sumSignIns(ctx) - signInsBefore,
    reconnects: ctx.people.reduce((n, p) => n + p.reconnects, 0) - reconnectsBefore,
    processingAtFault: processing!.n,
    refusedReasons: [...uploads.errors].map(([reason, n]) => `${n}× ${reason}`),
    chatFailures: chat.failures(),
  };
}

function sumSignIns(ctx: FaultContext): number {
  const users = new Set([...ctx.painters.map((p) => p.user), ...ctx.people.map((p) => p.user)]);
  return [...users].reduce((n, u) => n + u.signIns, 0);
}

async function existingMessageIds(db: Connection, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const [rows] = (await db.query('SELECT id FROM messages WHERE id IN (?)', [
      ids.slice(i, i + 500),
    ])) as unknown as [{ id: string }[]];
    for (const r of rows) found.add(r.id);
  }
  return found;
}
